package dev.attest.workflow;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * The allow-list of Spring beans that BPMN and DMN expressions may name: the beans of Attest's process glue,
 * that is the beans declared by a class in a {@code dev.attest.<module>.process} package (delegates, listeners,
 * timer-date helpers). Nothing else in the application context (services, repositories, the engine's own
 * services, the data source) is reachable from an expression: the engine resolves only these names (see
 * {@link EngineHardening}) and the deployment guard refuses a model that names any other.
 * <p>
 * Read from the bean definitions, without creating any bean, so it can be asked while the engine starts.
 */
@Component
public class ProcessBeans {

    private static final Pattern PROCESS_GLUE = Pattern.compile("dev\\.attest\\.[a-z]+\\.process\\.[A-Z][\\w$]*");

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
            BeanDefinition definition = beans.getBeanDefinition(name);
            String declaredBy = definition.getBeanClassName();
            if (definition.getFactoryBeanName() != null && beans.containsBeanDefinition(definition.getFactoryBeanName())) {
                declaredBy = beans.getBeanDefinition(definition.getFactoryBeanName()).getBeanClassName();
            }
            if (declaredBy != null && PROCESS_GLUE.matcher(declaredBy).matches()) {
                allowed.add(name);
            }
        }
        return allowed;
    }
}
