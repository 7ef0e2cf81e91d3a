package org.libreconnect.worker.objects;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.libreconnect.protocol.ProductVersion;
import org.libreconnect.protocol.command.ObjectCommands.CreateObjectInput;
import org.libreconnect.protocol.command.ObjectCommands.ErrorObjectInput;
import org.libreconnect.protocol.command.ObjectCommands.FloatResult;
import org.libreconnect.protocol.command.ObjectCommands.GlobalParameterInput;
import org.libreconnect.protocol.command.ObjectCommands.HandleInput;
import org.libreconnect.protocol.command.ObjectCommands.IntegerResult;
import org.libreconnect.protocol.command.ObjectCommands.ListInput;
import org.libreconnect.protocol.command.ObjectCommands.ListPositionInput;
import org.libreconnect.protocol.command.ObjectCommands.ObjectParameterInput;
import org.libreconnect.protocol.command.ObjectCommands.ObjectParametersInput;
import org.libreconnect.protocol.command.ObjectCommands.StringResult;
import org.libreconnect.protocol.error.InvalidParameterException;
import org.libreconnect.protocol.error.MissingParameterException;
import org.libreconnect.protocol.objects.GlobalParameter;
import org.libreconnect.protocol.objects.HandleType;
import org.libreconnect.protocol.objects.ObjectParameter;
import org.libreconnect.protocol.objects.ParameterKind;
import org.libreconnect.worker.HandlerTable;
import org.libreconnect.worker.SessionContext;

/**
 * The object inspection commands and the low-level API passthrough (protocol.md §2.5) over the
 * session's objects ({@link ObjectRegistry}). An unknown handle, an id the object does not carry
 * or a parameter read as the wrong type is an invalid-parameter error naming the key.
 */
public final class ObjectHandlers {
  /** The types {@code createObject} makes: those a client fills and hands to a command. */
  static final Set<HandleType> CREATABLE = Set.of(HandleType.LIST, HandleType.HP, HandleType.DOCUMENT,
      HandleType.SUBMISSION_SET, HandleType.EVENT_CODE, HandleType.FILTER);

  private final ObjectRegistry registry;
  private final ObjectDump dump;

  /** Handlers over the objects of {@code sources} plus those of the session itself. */
  public ObjectHandlers(List<ObjectSource> sources) {
    this.registry = new ObjectRegistry(
        java.util.stream.Stream.concat(java.util.stream.Stream.of(new SessionObjectSource()), sources.stream())
            .toList());
    this.dump = new ObjectDump(registry);
  }

  /** Adds this group's commands to {@code table}. */
  public void register(HandlerTable.Builder table) {
    table
        .single("hl_getObjectParameters", ObjectParametersInput.class, dump::answer)
        .single("getParameterString", GlobalParameterInput.class,
            (s, in) -> string(globalString(in.globalParameter()), in.resultInBase64()))
        .single("getParameterStringSize", GlobalParameterInput.class,
            (s, in) -> new IntegerResult(utf8Size(globalString(in.globalParameter()))))
        .single("getParameterInt", GlobalParameterInput.class,
            (s, in) -> new IntegerResult(globalInt(in.globalParameter())))
        .single("getObjectParameterString", ObjectParameterInput.class,
            (s, in) -> string((String) value(s, in, ParameterKind.STRING), in.resultInBase64()))
        .single("getObjectParameterStringSize", ObjectParameterInput.class,
            (s, in) -> new IntegerResult(utf8Size((String) value(s, in, ParameterKind.STRING))))
        .single("getObjectParameterInt", ObjectParameterInput.class,
            (s, in) -> new IntegerResult((Integer) value(s, in, ParameterKind.INTEGER)))
        .single("getObjectParameterFloat", ObjectParameterInput.class,
            (s, in) -> new FloatResult((Double) value(s, in, ParameterKind.FLOAT)))
        .single("getObjectFromList", ListPositionInput.class,
            (s, in) -> new IntegerResult(item(s, in.list(), in.position())))
        .single("getListSize", ListInput.class,
            (s, in) -> new IntegerResult(list(s, in.list()).items().size()))
        .single("copyObjectFromList", ListPositionInput.class, (s, in) -> {
          SessionObject item = registry.get(s, item(s, in.list(), in.position()), "i_position");
          return new IntegerResult(registry.add(s, item).handle());
        })
        .single("handleExists", HandleInput.class,
            (s, in) -> new IntegerResult(registry.find(s, in.handle()).isPresent() ? 1 : 0))
        .single("checkValidity", HandleInput.class,
            (s, in) -> new IntegerResult(registry.get(s, in.handle(), "i_handle").complete() ? 1 : 0))
        .single("getHandleType", HandleInput.class,
            (s, in) -> new IntegerResult(registry.get(s, in.handle(), "i_handle").type().id()))
        .single("createObject", CreateObjectInput.class, (s, in) -> new IntegerResult(create(s, in.type())))
        .single("releaseObject", HandleInput.class, (s, in) -> {
          registry.release(s, in.handle(), "i_handle");
          return null;
        })
        .single("releaseList", ListInput.class, (s, in) -> {
          list(s, in.list());
          registry.release(s, in.list(), "i_list");
          return null;
        })
        .single("releaseErrorObject", ErrorObjectInput.class, (s, in) -> {
          if (in.error() != null && in.error() != 0 && in.error() != Handles.ERROR) {
            throw new InvalidParameterException("i_error", "is not the session's error object");
          }
          s.recordError(null);
          return null;
        });
  }

  /** The registry, for tests and for the session state. */
  ObjectRegistry registry() {
    return registry;
  }

  private Object value(SessionContext session, ObjectParameterInput input, ParameterKind wanted) {
    Integer id = input.parameterId();
    if (id == null) {
      throw new MissingParameterException("i_parameter");
    }
    SessionObject object = registry.get(session, input.object(), "i_object");
    ObjectParameter parameter = ObjectValues.parameter(object, id, "i_parameter");
    boolean fits = switch (wanted) {
      case STRING -> parameter.kind() == ParameterKind.STRING;
      case FLOAT -> parameter.kind() == ParameterKind.FLOAT;
      default -> parameter.kind().isInteger();
    };
    if (!fits) {
      throw new InvalidParameterException("i_parameter", "is a " + kindName(parameter.kind()) + " parameter");
    }
    return object.values().get(parameter);
  }

  private SessionObject list(SessionContext session, int handle) {
    SessionObject list = registry.get(session, handle, "i_list");
    if (list.type() != HandleType.LIST) {
      throw new InvalidParameterException("i_list", "is not the handle of a list");
    }
    return list;
  }

  private int item(SessionContext session, int listHandle, int position) {
    List<Integer> items = list(session, listHandle).items();
    if (position < 0 || position >= items.size()) {
      throw new InvalidParameterException("i_position",
          items.isEmpty() ? "the list is empty" : "must be between 0 and " + (items.size() - 1));
    }
    return items.get(position);
  }

  private int create(SessionContext session, int typeId) {
    HandleType type = HandleType.of(typeId)
        .orElseThrow(() -> new InvalidParameterException("i_type", "is not a HandleType"));
    if (!CREATABLE.contains(type)) {
      throw new InvalidParameterException("i_type", "names a type the connector makes itself");
    }
    SessionObject empty = new SessionObject(0, type, Map.of(), List.of(), false);
    return registry.add(session, empty).handle();
  }

  /** The global string parameters: the version, and the paths of a template-based connector. */
  static String globalString(int id) {
    GlobalParameter parameter = global(id);
    return switch (parameter) {
      case VERSION_NAME -> ProductVersion.current();
      // The patient web-access PDF is drawn by the connector (PDFBox): no template, no storage
      // folder, no default URL; the CPS cryptolib is reached through PKCS#11, not a DLL setting.
      case PATIENT_WEB_ACCESS_PDF_STORAGE_PATH, PATIENT_WEB_ACCESS_PDF_TEMPLATE_FILENAME,
          PATIENT_WEB_ACCESS_PDF_DEFAULT_URL, CRYPTOLIB_CPS_DLL_FILENAME -> "";
      default -> throw new InvalidParameterException("i_globalParameter", "is not a string parameter");
    };
  }

  /** The global integer parameters: the version's numbers and the (absent) time provider. */
  static int globalInt(int id) {
    GlobalParameter parameter = global(id);
    return switch (parameter) {
      case VERSION_MAJOR -> versionPart(0);
      case VERSION_MINOR -> versionPart(1);
      case VERSION_BUILD -> versionPart(2);
      // The connector takes the system clock: there is no time-provider object.
      case CURRENT_TIME_PROVIDER -> 0;
      case PKCS11_ENGINE_IS_INITIALIZED -> throw new InvalidParameterException("i_globalParameter",
          "is not available: the connector reaches cards through SunPKCS11, not an OpenSSL engine");
      default -> throw new InvalidParameterException("i_globalParameter", "is a string parameter");
    };
  }

  private static GlobalParameter global(int id) {
    return GlobalParameter.of(id)
        .orElseThrow(() -> new InvalidParameterException("i_globalParameter", "is not a known global parameter id"));
  }

  /** Part {@code index} of the version {@code major.minor.build[-suffix]}; 0 when absent. */
  static int versionPart(int index) {
    String[] parts = ProductVersion.current().split("[-+]", 2)[0].split("\\.");
    try {
      return index < parts.length ? Integer.parseInt(parts[index]) : 0;
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static StringResult string(String text, Integer base64) {
    String value = base64 != null && base64 != 0
        ? Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)) : text;
    return new StringResult(value, Integer.toString(utf8Size(text)));
  }

  private static int utf8Size(String text) {
    return text.getBytes(StandardCharsets.UTF_8).length;
  }

  private static String kindName(ParameterKind kind) {
    return switch (kind) {
      case STRING -> "string";
      case FLOAT -> "float";
      default -> "integer";
    };
  }
}
