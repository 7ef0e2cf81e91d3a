package org.libreconnect.worker;

/**
 * What a persistent command sends after its acknowledgement: events its source is asked for at a
 * fixed rate ({@link EventStream}), or events its source pushes when they happen ({@link
 * PushedEvents}).
 */
public sealed interface StreamEvents permits EventStream, PushedEvents {}
