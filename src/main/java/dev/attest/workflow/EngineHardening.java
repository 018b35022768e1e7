package dev.attest.workflow;

import javax.script.ScriptEngine;
import javax.script.ScriptEngineFactory;
import javax.script.ScriptEngineManager;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.el.VariableContextElResolver;
import org.camunda.bpm.engine.impl.el.VariableScopeElResolver;
import org.camunda.bpm.engine.impl.scripting.ExecutableScript;
import org.camunda.bpm.engine.impl.scripting.ScriptFactory;
import org.camunda.bpm.engine.impl.scripting.engine.ScriptEngineResolver;
import org.camunda.bpm.engine.spring.ApplicationContextElResolver;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.camunda.bpm.impl.juel.jakarta.el.ArrayELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.BeanELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.CompositeELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ELContext;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ListELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.MapELResolver;
import org.springframework.context.ApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Hardens the engine against what a deployed model could make it do, whatever the deployment guard let
 * through:
 * <ul>
 * <li>expressions resolve only the beans of {@link ProcessBeans} (not the whole application context);</li>
 * <li>no script runs: no script engine is found for any language, and script objects cannot be created;</li>
 * <li>no expressions in stored or ad-hoc queries, no Java serialization of variables, and deserialization of
 * object variables is checked against the engine's allow-list; XML external entities stay off.</li>
 * </ul>
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class EngineHardening extends AbstractProcessEnginePlugin {

    static final String SCRIPTS_DISABLED = "Scripts are disabled in Attest: model the step with a service task "
            + "that calls one of Attest's delegates";

    private final ApplicationContext context;
    private final ProcessBeans processBeans;

    EngineHardening(ApplicationContext context, ProcessBeans processBeans) {
        this.context = context;
        this.processBeans = processBeans;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setExpressionManager(new AllowListExpressionManager(context, processBeans));
        configuration.setScriptEngineResolver(new NoScriptEngines());
        configuration.setScriptFactory(new NoScripts());
        configuration.setEnableScriptEngineCaching(false);
        configuration.setEnableScriptCompilation(false);
        configuration.setEnableScriptEngineLoadExternalResources(false);
        configuration.setConfigureScriptEngineHostAccess(false);
        configuration.setEnableExpressionsInStoredQueries(false);
        configuration.setEnableExpressionsInAdhocQueries(false);
        configuration.setJavaSerializationFormatEnabled(false);
        configuration.setDeserializationTypeValidationEnabled(true);
        configuration.setEnableXxeProcessing(false);
    }

    /** Spring's expression manager, but beans come only from the allow-list. */
    static final class AllowListExpressionManager extends SpringExpressionManager {

        private final ProcessBeans processBeans;

        AllowListExpressionManager(ApplicationContext context, ProcessBeans processBeans) {
            super(context);
            this.processBeans = processBeans;
        }

        @Override
        protected ELResolver createElResolver() {
            CompositeELResolver resolver = new CompositeELResolver();
            resolver.add(new VariableScopeElResolver());
            resolver.add(new VariableContextElResolver());
            resolver.add(new AllowListBeanResolver(applicationContext, processBeans));
            resolver.add(new ArrayELResolver());
            resolver.add(new ListELResolver());
            resolver.add(new MapELResolver());
            resolver.add(new BeanELResolver());
            return resolver;
        }
    }

    static final class AllowListBeanResolver extends ApplicationContextElResolver {

        private final ProcessBeans processBeans;

        AllowListBeanResolver(ApplicationContext context, ProcessBeans processBeans) {
            super(context);
            this.processBeans = processBeans;
        }

        @Override
        public Object getValue(ELContext context, Object base, Object property) {
            if (base == null && property instanceof String name && processBeans.allows(name)) {
                return super.getValue(context, base, property);
            }
            return null;
        }

        @Override
        public Class<?> getType(ELContext context, Object base, Object property) {
            return null;
        }
    }

    static final class NoScriptEngines implements ScriptEngineResolver {

        private final ScriptEngineManager manager = new ScriptEngineManager(ClassLoader.getPlatformClassLoader());

        @Override
        public void addScriptEngineFactory(ScriptEngineFactory factory) {
            // no script engine is ever registered
        }

        @Override
        public ScriptEngineManager getScriptEngineManager() {
            return manager;
        }

        @Override
        public ScriptEngine getScriptEngine(String language, boolean resolveFromCache) {
            return null;
        }
    }

    static final class NoScripts extends ScriptFactory {

        @Override
        public ExecutableScript createScriptFromResource(String language, String resource) {
            throw new ProcessEngineException(SCRIPTS_DISABLED);
        }

        @Override
        public ExecutableScript createScriptFromResource(String language,
                org.camunda.bpm.engine.delegate.Expression resourceExpression) {
            throw new ProcessEngineException(SCRIPTS_DISABLED);
        }

        @Override
        public ExecutableScript createScriptFromSource(String language, String source) {
            throw new ProcessEngineException(SCRIPTS_DISABLED);
        }

        @Override
        public ExecutableScript createScriptFromSource(String language,
                org.camunda.bpm.engine.delegate.Expression sourceExpression) {
            throw new ProcessEngineException(SCRIPTS_DISABLED);
        }
    }
}
