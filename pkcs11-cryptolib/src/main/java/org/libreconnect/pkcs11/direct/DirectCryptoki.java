package org.libreconnect.pkcs11.direct;

import com.sun.jna.Function;
import com.sun.jna.Memory;
import com.sun.jna.NativeLibrary;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.NativeLongByReference;
import com.sun.jna.ptr.PointerByReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.libreconnect.pkcs11.SlotSelection;

/**
 * Direct calls into a PKCS#11 library already loaded by SunPKCS11, for what SunPKCS11 hides: the
 * token information (PIN counter flags, serial number), the slot description and the {@code
 * CKO_DATA} objects (the CPS card's {@code CPS_INFO_PS} and {@code CPS_ACTIVITY_nn_PS}).
 *
 * <p>The library is shared with SunPKCS11: it is opened by path (the same native handle), {@code
 * C_Initialize} answering {@code CKR_CRYPTOKI_ALREADY_INITIALIZED} is fine, and {@code C_Finalize}
 * is never called, since it would end SunPKCS11's sessions too. Each read opens its own read-only
 * session and closes it; the login state is the application's, so private objects are visible
 * while SunPKCS11 holds the token logged in. Read-only: nothing is ever written to the token.
 */
public final class DirectCryptoki {
  private static final Map<Path, DirectCryptoki> OPENED = new ConcurrentHashMap<>();

  // Indexes in CK_FUNCTION_LIST (PKCS#11 v2.x order).
  private static final int C_INITIALIZE = 0;
  private static final int C_GET_SLOT_LIST = 4;
  private static final int C_GET_SLOT_INFO = 5;
  private static final int C_GET_TOKEN_INFO = 6;
  private static final int C_OPEN_SESSION = 12;
  private static final int C_CLOSE_SESSION = 13;
  private static final int C_GET_ATTRIBUTE_VALUE = 24;
  private static final int C_FIND_OBJECTS_INIT = 26;
  private static final int C_FIND_OBJECTS = 27;
  private static final int C_FIND_OBJECTS_FINAL = 28;

  private static final long CKF_OS_LOCKING_OK = 0x2;
  private static final long CKF_SERIAL_SESSION = 0x4;
  private static final long CKA_CLASS = 0x0;
  private static final long CKA_LABEL = 0x3;
  private static final long CKA_APPLICATION = 0x10;
  private static final long CKA_VALUE = 0x11;
  private static final long CKO_DATA = 0x0;
  private static final int FIND_BATCH = 32;
  private static final int INFO_BUFFER = 512;

  private final Path library;
  private final CryptokiLayout layout;
  private final Pointer functionList;

  private DirectCryptoki(Path library, CryptokiLayout layout, Pointer functionList) {
    this.library = library;
    this.layout = layout;
    this.functionList = functionList;
  }

  /**
   * The library at {@code library}, initialised if nobody did yet (once per process).
   *
   * @throws CryptokiCallException when {@code C_GetFunctionList} or {@code C_Initialize} fails
   * @throws UnsatisfiedLinkError when the file cannot be loaded
   */
  public static DirectCryptoki open(Path library) {
    Objects.requireNonNull(library, "library");
    return OPENED.computeIfAbsent(library.toAbsolutePath().normalize(), DirectCryptoki::load);
  }

  private static DirectCryptoki load(Path library) {
    NativeLibrary handle = NativeLibrary.getInstance(library.toString());
    PointerByReference list = new PointerByReference();
    CryptokiLayout layout = CryptokiLayout.current();
    check("C_GetFunctionList", layout.returnValue(
        (NativeLong) handle.getFunction("C_GetFunctionList").invoke(NativeLong.class, new Object[] {list})));
    DirectCryptoki cryptoki = new DirectCryptoki(library, layout, list.getValue());
    cryptoki.initialize();
    return cryptoki;
  }

  /** The library this instance calls. */
  public Path library() {
    return library;
  }

  /** The slot ID that {@code selection} designates, as SunPKCS11 resolves it. */
  public long slotId(SlotSelection selection) {
    return switch (selection) {
      case SlotSelection.SlotId id -> id.id();
      case SlotSelection.SlotListIndex index -> {
        long[] slots = slotList(false);
        if (index.index() >= slots.length) {
          throw new CryptokiCallException("C_GetSlotList (index " + index.index() + " of " + slots.length + ")",
              0x3);
        }
        yield slots[index.index()];
      }
    };
  }

  /** {@code C_GetSlotList}: every slot, or only those holding a token. */
  public long[] slotList(boolean tokenPresent) {
    NativeLongByReference count = new NativeLongByReference();
    byte present = (byte) (tokenPresent ? 1 : 0);
    call(C_GET_SLOT_LIST, "C_GetSlotList", present, Pointer.NULL, count);
    int n = count.getValue().intValue();
    if (n == 0) {
      return new long[0];
    }
    Memory slots = new Memory((long) n * layout.ulongSize());
    call(C_GET_SLOT_LIST, "C_GetSlotList", present, slots, count);
    long[] ids = new long[count.getValue().intValue()];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = readUlong(slots, (long) i * layout.ulongSize());
    }
    return ids;
  }

  /** {@code C_GetSlotInfo}'s description: for PC/SC-based libraries, the reader name. */
  public String slotDescription(long slot) {
    Memory info = new Memory(INFO_BUFFER);
    info.clear();
    call(C_GET_SLOT_INFO, "C_GetSlotInfo", new NativeLong(slot), info);
    return text(info, 0, 64);
  }

  /** {@code C_GetTokenInfo} for the token in {@code slot}. */
  public TokenInfo tokenInfo(long slot) {
    Memory info = new Memory(INFO_BUFFER);
    info.clear();
    call(C_GET_TOKEN_INFO, "C_GetTokenInfo", new NativeLong(slot), info);
    return new TokenInfo(text(info, 0, 32), text(info, 32, 32), text(info, 64, 16), text(info, 80, 16),
        readUlong(info, layout.flagsOffsetAfterText()));
  }

  /**
   * The data objects of the token in {@code slot} whose label {@code labels} accepts, in the
   * library's order. Private objects are only listed while the application is logged in.
   */
  public List<DataObject> dataObjects(long slot, Predicate<String> labels) {
    long session = openSession(slot);
    try {
      List<DataObject> objects = new ArrayList<>();
      for (long handle : findDataObjects(session)) {
        String label = new String(attribute(session, handle, CKA_LABEL), StandardCharsets.UTF_8);
        if (labels.test(label)) {
          objects.add(new DataObject(label,
              new String(attribute(session, handle, CKA_APPLICATION), StandardCharsets.UTF_8),
              attribute(session, handle, CKA_VALUE)));
        }
      }
      return objects;
    } finally {
      closeSession(session);
    }
  }

  private void initialize() {
    // CK_C_INITIALIZE_ARGS: four mutex callbacks (null), flags, pReserved.
    int flagsOffset = 4 * layout.pointerSize();
    Memory args = new Memory(flagsOffset + 8L + layout.pointerSize() + 8);
    args.clear();
    writeUlong(args, flagsOffset, CKF_OS_LOCKING_OK);
    long rv = invoke(C_INITIALIZE, args);
    if (rv != ReturnValues.CKR_OK && rv != ReturnValues.CKR_CRYPTOKI_ALREADY_INITIALIZED) {
      throw new CryptokiCallException("C_Initialize", rv);
    }
  }

  private long openSession(long slot) {
    NativeLongByReference session = new NativeLongByReference();
    call(C_OPEN_SESSION, "C_OpenSession", new NativeLong(slot), new NativeLong(CKF_SERIAL_SESSION), Pointer.NULL,
        Pointer.NULL, session);
    return session.getValue().longValue();
  }

  private void closeSession(long session) {
    invoke(C_CLOSE_SESSION, new NativeLong(session));
  }

  private List<Long> findDataObjects(long session) {
    Memory classValue = new Memory(layout.ulongSize());
    writeUlong(classValue, 0, CKO_DATA);
    Memory template = new Memory(layout.attributeSize());
    template.clear();
    writeAttribute(template, 0, CKA_CLASS, classValue, layout.ulongSize());
    call(C_FIND_OBJECTS_INIT, "C_FindObjectsInit", new NativeLong(session), template, new NativeLong(1));
    List<Long> handles = new ArrayList<>();
    try {
      Memory batch = new Memory((long) FIND_BATCH * layout.ulongSize());
      NativeLongByReference found = new NativeLongByReference();
      do {
        call(C_FIND_OBJECTS, "C_FindObjects", new NativeLong(session), batch, new NativeLong(FIND_BATCH), found);
        for (int i = 0; i < found.getValue().intValue(); i++) {
          handles.add(readUlong(batch, (long) i * layout.ulongSize()));
        }
      } while (found.getValue().intValue() == FIND_BATCH);
    } finally {
      invoke(C_FIND_OBJECTS_FINAL, new NativeLong(session));
    }
    return handles;
  }

  /** One attribute's value; empty when the object does not have it or hides it. */
  private byte[] attribute(long session, long object, long type) {
    Memory template = new Memory(layout.attributeSize());
    template.clear();
    writeAttribute(template, 0, type, Pointer.NULL, 0);
    long rv = invoke(C_GET_ATTRIBUTE_VALUE, new NativeLong(session), new NativeLong(object), template, new NativeLong(1));
    if (rv == ReturnValues.CKR_ATTRIBUTE_TYPE_INVALID || rv == ReturnValues.CKR_ATTRIBUTE_SENSITIVE) {
      return new byte[0];
    }
    check("C_GetAttributeValue", rv);
    long length = readUlong(template, layout.valueLengthOffset());
    if (length <= 0 || length > Integer.MAX_VALUE - 8) {
      return new byte[0]; // empty, or CK_UNAVAILABLE_INFORMATION (-1 on 8 bytes, 0xFFFFFFFF on 4)
    }
    Memory value = new Memory(length);
    writeAttribute(template, 0, type, value, length);
    call(C_GET_ATTRIBUTE_VALUE, "C_GetAttributeValue", new NativeLong(session), new NativeLong(object), template,
        new NativeLong(1));
    return value.getByteArray(0, (int) readUlong(template, layout.valueLengthOffset()));
  }

  private void writeAttribute(Memory template, long offset, long type, Pointer value, long length) {
    writeUlong(template, offset, type);
    template.setPointer(offset + layout.valuePointerOffset(), value);
    writeUlong(template, offset + layout.valueLengthOffset(), length);
  }

  private void call(int index, String name, Object... arguments) {
    check(name, invoke(index, arguments));
  }

  private long invoke(int index, Object... arguments) {
    Pointer entry = functionList.getPointer(layout.functionOffset(index));
    if (entry == null) {
      throw new CryptokiCallException("function #" + index + " (missing from the function list)", 0x54);
    }
    return layout.returnValue((NativeLong) Function.getFunction(entry).invoke(NativeLong.class, arguments));
  }

  private static void check(String name, long rv) {
    if (rv != ReturnValues.CKR_OK) {
      throw new CryptokiCallException(name, rv);
    }
  }

  private long readUlong(Pointer memory, long offset) {
    return layout.ulongSize() == 8 ? memory.getLong(offset) : memory.getInt(offset) & 0xFFFF_FFFFL;
  }

  private void writeUlong(Pointer memory, long offset, long value) {
    if (layout.ulongSize() == 8) {
      memory.setLong(offset, value);
    } else {
      memory.setInt(offset, (int) value);
    }
  }

  /** Fixed-size, blank-padded PKCS#11 text. */
  private static String text(Pointer memory, long offset, int length) {
    return new String(memory.getByteArray(offset, length), StandardCharsets.UTF_8)
        .replace('\0', ' ').strip();
  }
}
