package dev.attest.workflow;

import java.lang.reflect.Method;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.beans.factory.FactoryBean;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.type.MethodMetadata;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

/**
 * The allow-list of Spring beans that BPMN and DMN expressions may name: the beans whose class carries
 * {@link ModelCallable} (the delegates, listeners and timer helpers Attest's models name). Nothing else in the
 * application context (services, engine adapters, repositories, the engine's own services, the data source) is
 * reachable from an expression: the engine resolves only these names (see {@link EngineHardening}) and the
 * deployment guard refuses a model that names any other.
 * <p>
 * The class of a bean is the one its definition declares, read without creating any bean (so it can be asked
 * while the engine starts): the bean class, with Spring's CGLIB subclass taken back to the class it extends, or
 * for a {@code @Bean} method its declared return type. The annotation counts only on that class itself, not on
 * a superclass or an interface. A bean whose class cannot be known without creating it (a {@link FactoryBean},
 * a factory method not yet resolved) is not allowed.
 */
@Component
public class ProcessBeans {

    private final ConfigurableApplicationContext context;
    private volatile Set<String> names;

    ProcessBeans(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /** The bean names expressions may use, sorted. */
    public Set<String> names() {
        Set<String> known = names;
        if (known == null) {
            known = Set.copyOf(scan(context.getBeanFactory()));
            names = known;
        }
        return known;
    }

    public boolean allows(String name) {
        return names().contains(name);
    }

    static Set<String> scan(ConfigurableListableBeanFactory beans) {
        Set<String> allowed = new TreeSet<>();
        for (String name : beans.getBeanDefinitionNames()) {
            Class<?> type = declaredType(beans, name);
            if (type != null && type.isAnnotationPresent(ModelCallable.class)) {
                allowed.add(name);
            }
        }
        return allowed;
    }

    /** The class a bean's definition declares, or null if it cannot be known without creating the bean. */
    static Class<?> declaredType(ConfigurableListableBeanFactory beans, String name) {
        BeanDefinition definition = beans.getBeanDefinition(name);
        BeanDefinition merged = beans.getMergedBeanDefinition(name);
        if (merged.isAbstract()) {
            return null;
        }
        Class<?> type;
        if (merged.getFactoryMethodName() != null) {
            type = factoryMethodReturnType(beans, definition, merged);
        } else {
            type = load(beans, merged.getBeanClassName());
        }
        if (type == null || FactoryBean.class.isAssignableFrom(type)) {
            return null;
        }
        return ClassUtils.getUserClass(type);
    }

    private static Class<?> factoryMethodReturnType(ConfigurableListableBeanFactory beans, BeanDefinition definition,
            BeanDefinition merged) {
        for (BeanDefinition candidate : new BeanDefinition[] { definition, merged }) {
            if (candidate instanceof AnnotatedBeanDefinition annotated) {
                MethodMetadata method = annotated.getFactoryMethodMetadata();
                if (method != null && method.getMethodName().equals(merged.getFactoryMethodName())) {
                    return load(beans, method.getReturnTypeName());
                }
            }
        }
        if (merged instanceof RootBeanDefinition root) {
            Method method = root.getResolvedFactoryMethod();
            if (method != null) {
                return method.getReturnType();
            }
        }
        return null;
    }

    private static Class<?> load(ConfigurableListableBeanFactory beans, String className) {
        if (className == null) {
            return null;
        }
        try {
            return ClassUtils.forName(className, beans.getBeanClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }
}
