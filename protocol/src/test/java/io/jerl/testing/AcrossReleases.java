package io.jerl.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every test of the class once per tested Erlang/OTP release ({@link ErlangRelease#tested()}: 25, 27 and
 * 29), each invocation named after its release. The class declares the release as a field,
 * {@code @Parameter ErlangRelease release;}, and may receive it in a
 * {@code @BeforeParameterizedClassInvocation static void start(ErlangRelease release)} that starts that
 * release's epmd and erl once for all its tests.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ParameterizedClass(name = "{0}")
@MethodSource("io.jerl.testing.ErlangRelease#tested")
public @interface AcrossReleases {
}
