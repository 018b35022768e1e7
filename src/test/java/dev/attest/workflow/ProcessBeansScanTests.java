package dev.attest.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.FactoryBean;
import org.springframework.beans.factory.annotation.AnnotatedGenericBeanDefinition;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.cglib.core.SpringNamingPolicy;
import org.springframework.cglib.proxy.Enhancer;
import org.springframework.cglib.proxy.NoOp;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.ConfigurationClassPostProcessor;

/**
 * How {@link ProcessBeans} finds the class of a bean, on bean definitions alone (no bean is created): the bean
 * class (a CGLIB subclass taken back to its class) or a factory method's declared return type, marked itself.
 */
class ProcessBeansScanTests {

    @Test
    void aBeanIsAllowedOnlyWhenItsOwnDeclaredClassIsMarked() {
        DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
        register(beans, "markedComponent", Marked.class);
        register(beans, "unmarkedComponent", Unmarked.class);
        register(beans, "markedProxied", cglibSubclassOf(Marked.class));
        register(beans, "unmarkedProxied", cglibSubclassOf(Unmarked.class));
        register(beans, "markedFactoryBeanClass", MarkedFactoryBean.class);
        register(beans, "glue", Glue.class);
        ConfigurationClassPostProcessor configurations = new ConfigurationClassPostProcessor();
        configurations.postProcessBeanDefinitionRegistry(beans);
        configurations.postProcessBeanFactory(beans);

        List<String> before = List.of(beans.getSingletonNames());

        assertThat(ProcessBeans.scan(beans)).containsExactlyInAnyOrder("markedComponent", "markedFromFactory",
                "markedProxied");
        assertThat(beans.getSingletonNames()).as("beans created while scanning").containsExactlyElementsOf(before);
    }

    /** A subclass as Spring's CGLIB proxies make them ({@code Marked$$SpringCGLIB$$0}); it is not marked itself. */
    static Class<?> cglibSubclassOf(Class<?> type) {
        Enhancer enhancer = new Enhancer();
        enhancer.setSuperclass(type);
        enhancer.setNamingPolicy(SpringNamingPolicy.INSTANCE);
        enhancer.setCallbackType(NoOp.class);
        Class<?> subclass = enhancer.createClass();
        assertThat(subclass.getName()).contains("$$SpringCGLIB$$");
        assertThat(subclass.isAnnotationPresent(ModelCallable.class)).isFalse();
        return subclass;
    }

    void register(DefaultListableBeanFactory beans, String name, Class<?> type) {
        beans.registerBeanDefinition(name, new AnnotatedGenericBeanDefinition(type));
    }

    @ModelCallable
    static class Marked {
        Marked() {
            throw new IllegalStateException("scanning must not create beans");
        }
    }

    /** Inherits the mark's class but is not marked itself. */
    static class Unmarked extends Marked {
    }

    @ModelCallable
    static class MarkedFactoryBean implements FactoryBean<Object> {
        @Override
        public Object getObject() {
            return new Object();
        }

        @Override
        public Class<?> getObjectType() {
            return Object.class;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Glue {
        @Bean
        Marked markedFromFactory() {
            return new Marked();
        }

        @Bean
        Object unmarkedReturnType() {
            return new Marked();
        }

        @Bean
        Runnable listenerInterface() {
            return () -> { };
        }

        @Bean
        Unmarked unmarkedSubclass() {
            return new Unmarked();
        }

        @Bean
        MarkedFactoryBean markedFactoryBean() {
            return new MarkedFactoryBean();
        }
    }
}
