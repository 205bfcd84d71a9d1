package io.jerl.protocol.tls;

import java.net.Socket;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The JDK's PKIX trust manager with reasons a person can act on: a certificate that has expired, one not
 * signed by the configured CA, one that does not name the host, each said so with the certificate's subject.
 * The checks themselves are the JDK's; nothing here decides trust on its own.
 */
final class PeerTrust extends X509ExtendedTrustManager {
    private final X509ExtendedTrustManager pkix;

    PeerTrust(X509ExtendedTrustManager pkix) {
        this.pkix = pkix;
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        check(chain, () -> pkix.checkClientTrusted(chain, authType), () -> pkix.checkClientTrusted(chain, authType, engine),
                engine);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        check(chain, () -> pkix.checkServerTrusted(chain, authType), () -> pkix.checkServerTrusted(chain, authType, engine),
                engine);
    }

    private interface Check {
        void run() throws CertificateException;
    }

    /** The chain first (validity, then the CA), then the engine's identity check (the host name), each with its own reason. */
    private static void check(X509Certificate[] chain, Check path, Check withIdentity, SSLEngine engine)
            throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw new TlsRefusal("presented no certificate", null);
        }
        X509Certificate leaf = chain[0];
        String subject = subject(leaf);
        for (X509Certificate c : chain) {
            try {
                c.checkValidity();
            } catch (CertificateExpiredException e) {
                throw new TlsRefusal("presented a certificate that expired on " + c.getNotAfter().toInstant()
                        + " (" + subject(c) + ")", reason(e, CertPathValidatorException.BasicReason.EXPIRED));
            } catch (CertificateNotYetValidException e) {
                throw new TlsRefusal("presented a certificate not valid before " + c.getNotBefore().toInstant()
                        + " (" + subject(c) + "); check the clocks", reason(e, CertPathValidatorException.BasicReason.NOT_YET_VALID));
            }
        }
        try {
            path.run();
        } catch (CertificateException e) {
            throw new TlsRefusal("presented a certificate not signed by the configured CA (" + subject + ", issued by "
                    + leaf.getIssuerX500Principal().getName() + ")", e.getCause());
        }
        String algorithm = engine == null ? null : engine.getSSLParameters().getEndpointIdentificationAlgorithm();
        if (algorithm != null && !algorithm.isEmpty()) {
            try {
                withIdentity.run();
            } catch (CertificateException e) {
                throw new TlsRefusal("presented a certificate for " + names(leaf) + ", not for the host "
                        + engine.getPeerHost() + " (" + subject + ")", e.getCause());
            }
        }
    }

    private static CertPathValidatorException reason(Exception e, CertPathValidatorException.BasicReason r) {
        return new CertPathValidatorException(e.getMessage(), e, null, -1, r);
    }

    static String subject(X509Certificate c) {
        return c.getSubjectX500Principal().getName();
    }

    /** The DNS names and addresses a certificate is for, as its subject alternative names list them. */
    private static String names(X509Certificate c) {
        List<String> names = new ArrayList<>();
        try {
            Collection<List<?>> sans = c.getSubjectAlternativeNames();
            if (sans != null) {
                for (List<?> san : sans) {
                    Object kind = san.get(0);
                    if (Integer.valueOf(2).equals(kind) || Integer.valueOf(7).equals(kind)) { // dNSName, iPAddress
                        names.add(String.valueOf(san.get(1)));
                    }
                }
            }
        } catch (CertificateParsingException e) {
            return "unreadable subject alternative names";
        }
        return names.isEmpty() ? "no host (it has no subject alternative names)" : String.join(", ", names);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        checkClientTrusted(chain, authType, (SSLEngine) null);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        checkServerTrusted(chain, authType, (SSLEngine) null);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        checkClientTrusted(chain, authType, (SSLEngine) null);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        checkServerTrusted(chain, authType, (SSLEngine) null);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return pkix.getAcceptedIssuers();
    }
}
