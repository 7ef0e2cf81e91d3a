package org.libreconnect.worker.objects;

import org.libreconnect.protocol.error.InvalidParameterException;
import org.libreconnect.protocol.objects.ObjectParameter;

/** Reading one parameter of an object, with the documented error when it has no such parameter. */
final class ObjectValues {
  private ObjectValues() {}

  /**
   * The parameter {@code id} of {@code object}.
   *
   * @throws InvalidParameterException naming {@code key} when the id is unknown or the object
   *     has no such parameter
   */
  static ObjectParameter parameter(SessionObject object, int id, String key) {
    ObjectParameter parameter = ObjectParameter.of(id)
        .orElseThrow(() -> new InvalidParameterException(key, "is not a known object parameter id"));
    if (!object.values().containsKey(parameter)) {
      throw new InvalidParameterException(key, "is not a parameter of an object of type " + object.type().id());
    }
    return parameter;
  }
}
