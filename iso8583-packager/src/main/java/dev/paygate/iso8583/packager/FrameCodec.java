package dev.paygate.iso8583.packager;

import dev.paygate.iso8583.field.PackagingException;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * Splits untrusted bytes into frames: length prefix, header, message. The length prefix is
 * checked against {@code maxFrameBytes} before anything is allocated, so a hostile prefix costs a
 * clear {@link PackagingException}, not an OutOfMemoryError, and a short frame is reported as
 * truncated rather than waited for.
 */
public final class FrameCodec {

    /** Our messages pack to a few hundred bytes; 8 KiB leaves room for any 1987 message we accept. */
    public static final int MAX_FRAME_BYTES_DEFAULT = 8 * 1024;

    private final Framing framing;
    private final int headerBytes;
    private final int maxFrameBytes;

    public FrameCodec(Framing framing, int headerBytes, int maxFrameBytes) {
        if (headerBytes < 0 || maxFrameBytes <= headerBytes) {
            throw new IllegalArgumentException("need 0 <= headerBytes < maxFrameBytes");
        }
        int prefixMax = framing == Framing.BINARY_LENGTH ? 0xFFFF : 9999;
        if (maxFrameBytes > prefixMax) {
            throw new IllegalArgumentException("maxFrameBytes exceeds what a " + framing.configName() + " prefix can express");
        }
        this.framing = framing;
        this.headerBytes = headerBytes;
        this.maxFrameBytes = maxFrameBytes;
    }

    public static FrameCodec forProfile(NetworkProfile profile) {
        return new FrameCodec(profile.framing(), profile.header().length, MAX_FRAME_BYTES_DEFAULT);
    }

    /** One frame: the header (possibly empty) and the packed message. */
    public record Frame(byte[] header, byte[] message) {
    }

    public byte[] encode(byte[] header, byte[] message) {
        if (header.length != headerBytes) {
            throw new IllegalArgumentException("header must have " + headerBytes + " bytes, got " + header.length);
        }
        int length = header.length + message.length;
        if (length > maxFrameBytes) {
            throw new PackagingException(null, null, "frame of " + length + " bytes exceeds the maximum of " + maxFrameBytes);
        }
        byte[] frame = new byte[framing.prefixBytes() + length];
        writePrefix(length, frame);
        System.arraycopy(header, 0, frame, framing.prefixBytes(), header.length);
        System.arraycopy(message, 0, frame, framing.prefixBytes() + header.length, message.length);
        return frame;
    }

    public void write(byte[] header, byte[] message, OutputStream out) throws IOException {
        out.write(encode(header, message));
        out.flush();
    }

    /** Decodes exactly one frame; a prefix that disagrees with the bytes present is an error. */
    public Frame decode(byte[] frame) {
        if (frame.length < framing.prefixBytes()) {
            throw PackagingException.framing("truncated length prefix: " + frame.length + " of " + framing.prefixBytes() + " bytes");
        }
        int length = checkedLength(readPrefix(frame));
        int available = frame.length - framing.prefixBytes();
        if (length > available) {
            throw PackagingException.framing("length prefix " + length + " is larger than the " + available + " bytes of the frame");
        }
        if (length < available) {
            throw PackagingException.framing((available - length) + " bytes after the frame announced by the length prefix");
        }
        return split(Arrays.copyOfRange(frame, framing.prefixBytes(), frame.length));
    }

    /**
     * Reads the next frame from a stream.
     *
     * @return empty when the stream ends cleanly between frames
     * @throws PackagingException for a bad prefix or a frame cut short
     */
    public Optional<Frame> read(InputStream in) throws IOException {
        byte[] prefix = in.readNBytes(framing.prefixBytes());
        if (prefix.length == 0) {
            return Optional.empty();
        }
        if (prefix.length < framing.prefixBytes()) {
            throw PackagingException.framing("stream ended inside the length prefix");
        }
        int length = checkedLength(readPrefix(prefix));
        byte[] body = in.readNBytes(length);
        if (body.length < length) {
            throw PackagingException.framing("truncated frame: " + body.length + " of " + length + " bytes before end of stream");
        }
        return Optional.of(split(body));
    }

    private Frame split(byte[] body) {
        return new Frame(Arrays.copyOfRange(body, 0, headerBytes), Arrays.copyOfRange(body, headerBytes, body.length));
    }

    private int checkedLength(int length) {
        if (length <= headerBytes) {
            throw PackagingException.framing("length prefix " + length + " leaves no room for a message after the "
                    + headerBytes + "-byte header");
        }
        if (length > maxFrameBytes) {
            throw PackagingException.framing("length prefix " + length + " exceeds the maximum frame of " + maxFrameBytes + " bytes");
        }
        return length;
    }

    private int readPrefix(byte[] bytes) {
        if (framing == Framing.BINARY_LENGTH) {
            return (bytes[0] & 0xFF) << 8 | (bytes[1] & 0xFF);
        }
        int length = 0;
        for (int i = 0; i < framing.prefixBytes(); i++) {
            byte digit = bytes[i];
            if (digit < '0' || digit > '9') {
                throw PackagingException.framing("ASCII length prefix is not 4 digits");
            }
            length = length * 10 + (digit - '0');
        }
        return length;
    }

    private void writePrefix(int length, byte[] frame) {
        if (framing == Framing.BINARY_LENGTH) {
            frame[0] = (byte) (length >>> 8);
            frame[1] = (byte) length;
        } else {
            System.arraycopy("%04d".formatted(length).getBytes(StandardCharsets.US_ASCII), 0, frame, 0, 4);
        }
    }
}
