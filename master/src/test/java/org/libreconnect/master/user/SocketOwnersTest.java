package org.libreconnect.master.user;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SocketOwnersTest {
  @Test
  void spellsAddressesAsTheKernelTableDoes() {
    assertThat(SocketOwners.encode(new InetSocketAddress("127.0.0.1", 9982))).isEqualTo("0100007F:26FE");
    assertThat(SocketOwners.encode(new InetSocketAddress("::1", 443)))
        .isEqualTo("00000000000000000000000001000000:01BB");
  }

  @Test
  void readsTheUidOfTheClientsRowNotTheServersRow(@TempDir Path procNet) throws Exception {
    Files.writeString(procNet.resolve("tcp"), """
          sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
           0: 0100007F:26FE 00000000:0000 0A 00000000:00000000 00:00000000 00000000   998        0 1 1
           1: 0100007F:26FE 0100007F:A1B2 01 00000000:00000000 00:00000000 00000000   998        0 2 1
           2: 0100007F:A1B2 0100007F:26FE 01 00000000:00000000 00:00000000 00000000  1001        0 3 1
        """);
    SocketOwners owners = new SocketOwners(procNet);
    InetSocketAddress server = new InetSocketAddress("127.0.0.1", 9982);
    assertThat(owners.ownerOf(new InetSocketAddress("127.0.0.1", 0xA1B2), server)).hasValue(1001);
    assertThat(owners.ownerOf(new InetSocketAddress("127.0.0.1", 0xA1B3), server)).isEmpty();
  }
}
