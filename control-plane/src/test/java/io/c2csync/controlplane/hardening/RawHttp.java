package io.c2csync.controlplane.hardening;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/**
 * HTTP/1.1 over a plain socket, for what an HTTP client library will not send: a body far larger
 * than it declares, or one streamed while the reply is read. The body is written on its own thread
 * and the reply read as soon as it comes, so a server that answers before reading everything is seen.
 */
final class RawHttp {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** @param bytesSent what the body writer got onto the socket before it finished or the server closed */
    record Reply(int status, String contentType, JsonNode json, CompletableFuture<Long> bytesSent) {
    }

    interface BodyWriter {
        /** Writes the body, counting what it wrote in {@code counter[0]}. */
        void write(OutputStream out, long[] counter) throws IOException;
    }

    private RawHttp() {
    }

    static Reply post(InetSocketAddress server, String path, String extraHeaders, BodyWriter body) {
        try (Socket socket = new Socket()) {
            socket.connect(server, 10_000);
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: " + server.getHostString() + "\r\n" + extraHeaders
                    + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            CompletableFuture<Long> sent = CompletableFuture.supplyAsync(() -> {
                long[] counter = new long[1];
                try {
                    body.write(out, counter);
                    out.flush();
                } catch (IOException e) {
                    // the server refused the body and closed the connection while it was being sent
                    return counter[0];
                }
                return counter[0];
            });
            return read(socket.getInputStream(), sent);
        } catch (IOException e) {
            throw new UncheckedIOException("POST " + path + " to " + server + " failed", e);
        }
    }

    /** Writes {@code total} bytes of spaces (JSON whitespace) in 64 KiB pieces, after {@code prefix}. */
    static BodyWriter spaces(String prefix, long total) {
        return (out, counter) -> {
            byte[] start = prefix.getBytes(StandardCharsets.UTF_8);
            out.write(start);
            counter[0] += start.length;
            byte[] piece = new byte[64 * 1024];
            java.util.Arrays.fill(piece, (byte) ' ');
            while (counter[0] < total) {
                int length = (int) Math.min(piece.length, total - counter[0]);
                out.write(piece, 0, length);
                counter[0] += length;
            }
        };
    }

    /** As {@link #spaces}, in chunked transfer encoding. */
    static BodyWriter chunkedSpaces(String prefix, long total) {
        return (out, counter) -> {
            byte[] piece = new byte[64 * 1024];
            java.util.Arrays.fill(piece, (byte) ' ');
            byte[] start = prefix.getBytes(StandardCharsets.UTF_8);
            out.write((Integer.toHexString(start.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(start);
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            counter[0] += start.length;
            while (counter[0] < total) {
                out.write((Integer.toHexString(piece.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(piece);
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                counter[0] += piece.length;
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        };
    }

    private static Reply read(InputStream in, CompletableFuture<Long> sent) throws IOException {
        String statusLine = line(in);
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        String contentType = null;
        int length = -1;
        for (String header = line(in); !header.isEmpty(); header = line(in)) {
            int colon = header.indexOf(':');
            String name = header.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = header.substring(colon + 1).strip();
            if (name.equals("content-type")) {
                contentType = value;
            } else if (name.equals("content-length")) {
                length = Integer.parseInt(value);
            }
        }
        if (length < 0) {
            throw new IOException("the reply has no Content-Length: " + statusLine);
        }
        return new Reply(status, contentType, JSON.readTree(in.readNBytes(length)), sent);
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("the connection ended in the reply's head: " + line);
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.US_ASCII);
    }
}
