package dev.attest.workflow;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A bean BPMN/DMN expressions may name; its public methods declared by the class are callable from models.
 * <p>
 * Put it on the delegates, listeners and timer helpers Attest's models name ({@code ${closeCaseDelegate}},
 * {@code ${slaTimers.warning('Task_ReviewDocument')}}, ...), and on nothing else: {@link ProcessBeans} allows a
 * bean exactly when its class carries this annotation (not inherited: a subclass must carry it itself), and a
 * designer can write an expression naming any such bean. Such classes live in a {@code <module>.process}
 * package, and every bean class there carries it (ArchitectureTests); engine adapters a model must not call live
 * in {@code <module>.internal.engine}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ModelCallable {
}
