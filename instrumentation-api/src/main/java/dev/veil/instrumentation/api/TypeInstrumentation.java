package dev.veil.instrumentation.api;

import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/** A type matcher and the advice applied to its methods. */
public interface TypeInstrumentation {

    ElementMatcher<TypeDescription> typeMatcher();

    void transform(TypeTransformer transformer);
}
