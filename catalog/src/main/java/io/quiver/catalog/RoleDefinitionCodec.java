package io.quiver.catalog;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

/** The persistent form of a {@link RoleDefinition} in the catalog's meta map: a versioned binary record. */
final class RoleDefinitionCodec {
    private static final int FORMAT_VERSION = 1;

    private RoleDefinitionCodec() {
    }

    static byte[] encode(RoleDefinition role) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT_VERSION);
            out.writeLong(role.oid());
            out.writeUTF(role.name());
            for (boolean flag : new boolean[] {role.superuser(), role.inherit(), role.createRole(), role.createDb(),
                    role.canLogin(), role.replication(), role.bypassRls()}) {
                out.writeBoolean(flag);
            }
            out.writeInt(role.connectionLimit());
            out.writeBoolean(role.password() != null);
            if (role.password() != null) {
                out.writeUTF(role.password());
            }
            out.writeBoolean(role.validUntil() != null);
            if (role.validUntil() != null) {
                out.writeLong(role.validUntil().getEpochSecond());
                out.writeInt(role.validUntil().getNano());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static RoleDefinition decode(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            int format = in.readUnsignedByte();
            if (format != FORMAT_VERSION) {
                throw new IllegalStateException("unknown role record format " + format);
            }
            long oid = in.readLong();
            String name = in.readUTF();
            boolean[] flags = new boolean[7];
            for (int i = 0; i < flags.length; i++) {
                flags[i] = in.readBoolean();
            }
            int connectionLimit = in.readInt();
            String password = in.readBoolean() ? in.readUTF() : null;
            Instant validUntil = in.readBoolean() ? Instant.ofEpochSecond(in.readLong(), in.readInt()) : null;
            return new RoleDefinition(oid, name, flags[0], flags[1], flags[2], flags[3], flags[4], flags[5], flags[6],
                    connectionLimit, password, validUntil);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
