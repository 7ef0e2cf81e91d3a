package org.libreconnect.worker.objects;

/**
 * The handle ranges of a session's objects. Each range belongs to one kind of object, so that a
 * handle names one object whichever command made it:
 *
 * <ul>
 *   <li>1: the DMP connector's connection ({@code i_connectionHandle}); 2 to 999: the
 *       connections of {@code hl_createConnection};
 *   <li>1000 to 1099: the objects the session holds once ({@link #ERROR} and the following);
 *   <li>10 000 to 999 999: the documents of the last {@code hl_findDocuments} ({@code i_handle});
 *   <li>document handle × 100 + 1 to 49: its authors ({@code Authors[].i_handle}); × 100: the list
 *       of its authors; × 100 + 50: the list of its event codes, × 100 + 51 to 99: the codes;
 *   <li>from 2 000 000 000: the objects made by {@code createObject} and {@code
 *       copyObjectFromList}.
 * </ul>
 */
public final class Handles {
  private Handles() {}

  public static final int DMP_CONNECTION = 1;
  public static final int LAST_CONNECTION = 999;
  public static final int ERROR = 1000;
  public static final int DMP_CONNECTOR = 1001;
  public static final int PRACTICE_LOCATION = 1002;
  public static final int USER = 1003;
  public static final int CPX_READER = 1004;
  public static final int CPX_CARD = 1005;
  public static final int VITALE_CARD = 1006;
  public static final int FIRST_DOCUMENT = 10_000;
  public static final int LAST_DOCUMENT = 999_999;
  public static final int MAX_AUTHORS = 49;
  public static final int EVENT_CODES = 50;
  public static final int FIRST_CREATED = 2_000_000_000;

  /** Whether {@code handle} is an object that lives as long as the session holds it. */
  public static boolean isHeldBySession(int handle) {
    return handle >= DMP_CONNECTION && handle < FIRST_DOCUMENT;
  }
}
