package org.libreconnect.protocol.command;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * Answer of {@code hl_getDocumentContent} (by handle): what {@code
 * hl_getDocumentContentByUniqueId} answers, plus {@code s_filePath}, the {@code file://} URL of
 * the document written on the client machine, which is what the JS2 wrapper documents.
 */
public record DocumentFileAnswer(
    @JsonUnwrapped DmpCommands.DocumentContentAnswer content,
    @JsonProperty("s_filePath") String filePath) {}
