package io.quiver.wire.auth;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Client authentication rules as PostgreSQL's pg_hba.conf has them: the first rule that matches decides. */
public record HbaRules(List<HbaRule> rules) {
    public HbaRules {
        rules = List.copyOf(rules);
    }

    /** Every client from anywhere authenticated by {@code method} (the server's {@code --auth} option). */
    public static HbaRules everyone(AuthMethod method) {
        return new HbaRules(List.of(new HbaRule(HbaRule.ConnectionType.HOST, Set.of("all"), Set.of("all"), null,
                false, method, 0)));
    }

    /** Reads an hba file; a line it cannot understand makes the whole file invalid, as in PostgreSQL. */
    public static HbaRules load(Path file) throws IOException {
        List<HbaRule> rules = new ArrayList<>();
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).replaceFirst("#.*", "").strip();
            if (line.isEmpty()) {
                continue;
            }
            try {
                rules.add(parseLine(line.split("\\s+"), i + 1));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(file + " line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return new HbaRules(rules);
    }

    static HbaRule parseLine(String[] fields, int lineNumber) {
        HbaRule.ConnectionType type;
        try {
            type = HbaRule.ConnectionType.valueOf(fields[0].toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid connection type \"" + fields[0] + "\"");
        }
        int needed = type == HbaRule.ConnectionType.LOCAL ? 4 : 5;
        if (fields.length < needed) {
            throw new IllegalArgumentException("end-of-line before authentication method");
        }
        Set<String> databases = Set.copyOf(Arrays.asList(fields[1].split(",")));
        Set<String> users = Set.copyOf(Arrays.asList(fields[2].split(",")));
        if (type == HbaRule.ConnectionType.LOCAL) {
            return new HbaRule(type, databases, users, null, false, AuthMethod.parse(fields[3]), lineNumber);
        }
        String address = fields[3];
        boolean sameHost = address.equals("samehost");
        boolean netmask = !address.contains("/") && !address.equals("all") && !sameHost;
        AddressRange range = address.equals("all") || sameHost ? null
                : AddressRange.parse(address, netmask ? fields[4] : null);
        int methodField = netmask ? 5 : 4;
        if (fields.length <= methodField) {
            throw new IllegalArgumentException("end-of-line before authentication method");
        }
        return new HbaRule(type, databases, users, range, sameHost, AuthMethod.parse(fields[methodField]),
                lineNumber);
    }

    /** The first rule for a client, if any. */
    public Optional<HbaRule> match(InetAddress client, boolean ssl, String database, String user) {
        return rules.stream().filter(rule -> rule.matches(client, ssl, database, user)).findFirst();
    }
}
