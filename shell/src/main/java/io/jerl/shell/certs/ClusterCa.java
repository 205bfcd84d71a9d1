package io.jerl.shell.certs;

import io.jerl.shell.ShellException;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A cluster's certificate authority and the node certificates it signs, made with BouncyCastle: ECDSA P-256
 * keys from the JDK, certificates good for both TLS server and client use (a node dials and accepts), the
 * node's host as subject alternative name, {@code NAME@HOST} as common name.
 */
public final class ClusterCa {
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A certificate with its private key. */
    public record Issued(X509Certificate certificate, PrivateKey key) {
        @Override
        public String toString() {
            return "Issued[" + certificate.getSubjectX500Principal().getName() + "]"; // never the key
        }
    }

    private ClusterCa() {
    }

    public static Issued newCa(String commonName, Instant notBefore, Instant notAfter) {
        try {
            KeyPair keys = keyPair();
            X500Name subject = name(commonName);
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(subject, serial(), Date.from(notBefore),
                    Date.from(notAfter), subject, keys.getPublic());
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            b.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(keys.getPublic()));
            return new Issued(sign(b, keys.getPrivate()), keys.getPrivate());
        } catch (Exception e) {
            throw new ShellException("cannot make the cluster CA: " + e.getMessage());
        }
    }

    /** A certificate for node {@code NAME@HOST}, signed by {@code ca}; its SAN is the host (a name or an address). */
    public static Issued newNode(Issued ca, String node, Instant notBefore, Instant notAfter) {
        int at = node.indexOf('@');
        if (at <= 0 || at == node.length() - 1) {
            throw new ShellException("'" + node + "' is not a node name: give NAME@HOST, e.g. car@server2");
        }
        String host = node.substring(at + 1);
        try {
            KeyPair keys = keyPair();
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(ca.certificate(), serial(),
                    Date.from(notBefore), Date.from(notAfter), name(node), keys.getPublic());
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(
                    new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}));
            b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(hostName(host)));
            b.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(keys.getPublic()));
            b.addExtension(Extension.authorityKeyIdentifier, false,
                    ext.createAuthorityKeyIdentifier(ca.certificate()));
            return new Issued(sign(b, ca.key()), keys.getPrivate());
        } catch (ShellException e) {
            throw e;
        } catch (Exception e) {
            throw new ShellException("cannot make a certificate for " + node + ": " + e.getMessage());
        }
    }

    /** Writes the certificate (PEM) and its key (PKCS#8 PEM, readable by its owner only). */
    public static void write(Issued issued, Path certFile, Path keyFile) throws IOException {
        Files.writeString(certFile, pem(issued.certificate()));
        Files.deleteIfExists(keyFile);
        Files.createFile(keyFile, Permissions.ownerOnly());
        Files.writeString(keyFile, pem(new JcaPKCS8Generator(issued.key(), null).generate()));
    }

    /** Reads what {@link #write} wrote. */
    public static Issued read(Path certFile, Path keyFile) {
        try (PEMParser certs = new PEMParser(Files.newBufferedReader(certFile));
             PEMParser keys = new PEMParser(Files.newBufferedReader(keyFile))) {
            X509Certificate cert = new JcaX509CertificateConverter().getCertificate((X509CertificateHolder) certs.readObject());
            Object k = keys.readObject();
            PrivateKeyInfo info = k instanceof PEMKeyPair pair ? pair.getPrivateKeyInfo() : (PrivateKeyInfo) k;
            return new Issued(cert, new JcaPEMKeyConverter().getPrivateKey(info));
        } catch (IOException | RuntimeException | java.security.cert.CertificateException e) {
            throw new ShellException("cannot read the CA from " + certFile + " and " + keyFile
                    + " (made by 'jerl certs init'?): " + e.getClass().getSimpleName());
        }
    }

    static String pem(Object o) throws IOException {
        StringWriter w = new StringWriter();
        try (JcaPEMWriter pw = new JcaPEMWriter(w)) {
            pw.writeObject(o);
        }
        return w.toString();
    }

    private static GeneralName hostName(String host) {
        boolean literal = host.chars().allMatch(c -> Character.isDigit(c) || c == '.') || host.contains(":");
        if (literal) {
            try {
                return new GeneralName(GeneralName.iPAddress, InetAddress.getByName(host).getHostAddress());
            } catch (IOException e) {
                throw new ShellException("'" + host + "' is not an address");
            }
        }
        return new GeneralName(GeneralName.dNSName, host);
    }

    private static KeyPair keyPair() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
        return g.generateKeyPair();
    }

    private static X500Name name(String commonName) {
        return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, commonName).build();
    }

    private static BigInteger serial() {
        return new BigInteger(127, RANDOM).add(BigInteger.ONE);
    }

    private static X509Certificate sign(X509v3CertificateBuilder b, PrivateKey signer) throws Exception {
        return new JcaX509CertificateConverter().getCertificate(b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(signer)));
    }
}
