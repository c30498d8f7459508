package io.quiver.server;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A self-signed server certificate for {@code localhost} and {@code 127.0.0.1}, made at test time with the JDK's
 * own keytool (no extra dependency) and written as the PEM certificate and PKCS#8 PEM key --tls-cert and
 * --tls-key take; the certificate doubles as the root a verifying client trusts.
 */
record TestCertificate(Path certificate, Path key) {
    private static final char[] STORE_PASSWORD = "changeit".toCharArray();

    static TestCertificate generate(Path directory) throws IOException, InterruptedException,
            GeneralSecurityException {
        Path keystore = directory.resolve("server.p12");
        Process keytool = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool")
                .toString(), "-genkeypair", "-alias", "quiver", "-keyalg", "RSA", "-keysize", "2048",
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2",
                "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass", new String(STORE_PASSWORD),
                "-keypass", new String(STORE_PASSWORD))).redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
            throw new IllegalStateException("keytool failed: " + output);
        }
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, STORE_PASSWORD);
        }
        Key key = store.getKey("quiver", STORE_PASSWORD);
        TestCertificate files = new TestCertificate(directory.resolve("server.crt"), directory.resolve("server.key"));
        Files.writeString(files.certificate(), pem("CERTIFICATE", store.getCertificate("quiver").getEncoded()));
        // getEncoded() of a private key is its PKCS#8 form
        Files.writeString(files.key(), pem("PRIVATE KEY", key.getEncoded()));
        Files.delete(keystore);
        return files;
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }
}
