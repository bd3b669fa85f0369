package dev.bearing.common;

import io.vertx.core.http.HttpServerRequest;

/** The client's IP address as every part of Bearing reads it (honours {@code quarkus.http.proxy.*}). */
public final class ClientAddress {

    private ClientAddress() {
    }

    /** @return the request's remote IP address, or null when the request or its address is not known */
    public static String of(HttpServerRequest request) {
        return request == null || request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
    }
}
