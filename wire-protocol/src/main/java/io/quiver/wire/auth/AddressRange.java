package io.quiver.wire.auth;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** A CIDR block ({@code 10.0.0.0/8}, {@code ::1/128}) of client addresses. */
public record AddressRange(byte[] network, int prefixLength) {
    /** Parses {@code address/prefix}, or an address and a separate netmask as PostgreSQL's hba files allow. */
    public static AddressRange parse(String cidr, String netmask) {
        try {
            String[] parts = cidr.split("/", 2);
            byte[] network = InetAddress.getByName(parts[0]).getAddress();
            int prefix;
            if (parts.length == 2) {
                prefix = Integer.parseInt(parts[1]);
            } else if (netmask != null) {
                prefix = prefixOf(InetAddress.getByName(netmask).getAddress());
            } else {
                throw new IllegalArgumentException("IP address \"" + cidr + "\" needs a /prefix or a netmask");
            }
            if (prefix < 0 || prefix > network.length * 8) {
                throw new IllegalArgumentException("invalid CIDR mask in address \"" + cidr + "\"");
            }
            return new AddressRange(network, prefix);
        } catch (UnknownHostException | NumberFormatException e) {
            throw new IllegalArgumentException("invalid IP address \"" + cidr + "\"", e);
        }
    }

    private static int prefixOf(byte[] mask) {
        int bits = 0;
        for (byte b : mask) {
            bits += Integer.bitCount(b & 0xFF);
        }
        return bits;
    }

    public boolean contains(InetAddress client) {
        byte[] address = client.getAddress();
        if (address.length != network.length) {
            return false;
        }
        for (int bit = 0; bit < prefixLength; bit++) {
            int mask = 0x80 >>> (bit % 8);
            if ((address[bit / 8] & mask) != (network[bit / 8] & mask)) {
                return false;
            }
        }
        return true;
    }
}
