package dev.attest.workflow;

import java.beans.FeatureDescriptor;
import java.lang.ref.WeakReference;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import javax.script.ScriptEngine;
import javax.script.ScriptEngineFactory;
import javax.script.ScriptEngineManager;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.bpmn.behavior.MultiInstanceActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.calendar.CycleBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DueDateBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DurationBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.MapBusinessCalendarManager;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.el.VariableContextElResolver;
import org.camunda.bpm.engine.impl.el.VariableScopeElResolver;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.scripting.ExecutableScript;
import org.camunda.bpm.engine.impl.scripting.ScriptFactory;
import org.camunda.bpm.engine.impl.scripting.engine.ScriptEngineResolver;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.impl.variable.serializer.StringValueSerializer;
import org.camunda.bpm.engine.impl.variable.serializer.TypedValueSerializer;
import org.camunda.bpm.engine.impl.variable.serializer.ValueFields;
import org.camunda.bpm.engine.spring.ApplicationContextElResolver;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.value.StringValue;
import org.camunda.bpm.impl.juel.jakarta.el.BeanELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.CompositeELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ELContext;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.MethodNotFoundException;
import org.camunda.bpm.impl.juel.jakarta.el.PropertyNotFoundException;
import org.camunda.bpm.impl.juel.jakarta.el.PropertyNotWritableException;
import org.camunda.bpm.impl.juel.jakarta.el.ValueExpression;
import org.springframework.context.ApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

/**
 * Hardens the engine against what a deployed model could make it do, whatever the deployment guard let
 * through:
 * <ul>
 * <li>expressions resolve only the beans of {@link ProcessBeans} (not the whole application context), and may
 * call methods only on those beans and read only the execution properties of {@link ModelExpressions}: no method
 * or property of anything else (strings, variables, classes, results), no {@code [ ]} on lists, maps or arrays. So a
 * model that reached the engine without the deployment guard (an older deployment, a guard bug) still cannot call
 * anything else, at run time or at deploy time (timer dates); DMN's JUEL expressions use the same resolvers, and
 * FEEL's external Java functions stay off (the engine's default);</li>
 * <li>no script runs: no script engine is found for any language, and script objects cannot be created;</li>
 * <li>CMMN is off (Attest has no case models; a CMMN file would be deployed and run unchecked);</li>
 * <li>the BPMN parse refuses Java class names, shell, mail and external task types, connectors, fields and
 * validators other than the built-in ones ({@link HardenedBpmnParse});</li>
 * <li>no expressions in stored or ad-hoc queries, no Java serialization of variables, and deserialization of
 * object variables is checked against the engine's allow-list; XML external entities stay off;</li>
 * <li>a called process has its caller's business key or none ({@link OwnCaseOnly});</li>
 * <li>nothing a model does takes the node down ({@link ModelLimits}): one transaction runs at most
 * {@link StepBudget#MAX_STEPS} activities, a multi-instance activity creates at most 100 instances, timer cycles
 * repeat at most once a minute, timer durations are periods, an expression holds at most ten {@code ${...}} parts
 * and a string variable at most 100,000 characters.</li>
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
        configuration.setBpmnParseFactory(HardenedBpmnParse::new);
        configuration.setCmmnEnabled(false);
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
        List<BpmnParseListener> listeners = new ArrayList<>();
        if (configuration.getCustomPreBPMNParseListeners() != null) {
            listeners.addAll(configuration.getCustomPreBPMNParseListeners());
        }
        listeners.add(new OwnCaseOnly());
        listeners.add(new RunawayLimits());
        configuration.setCustomPreBPMNParseListeners(listeners);
        MapBusinessCalendarManager calendars = new MapBusinessCalendarManager();
        calendars.addBusinessCalendar(DurationBusinessCalendar.NAME, new LimitedDurations());
        calendars.addBusinessCalendar(DueDateBusinessCalendar.NAME, new DueDateBusinessCalendar());
        calendars.addBusinessCalendar(CycleBusinessCalendar.NAME, new LimitedCycles());
        configuration.setBusinessCalendarManager(calendars);
        List<TypedValueSerializer> serializers = new ArrayList<>();
        if (configuration.getCustomPreVariableSerializers() != null) {
            serializers.addAll(configuration.getCustomPreVariableSerializers());
        }
        serializers.add(new LimitedStrings());
        configuration.setCustomPreVariableSerializers(serializers);
    }

    /**
     * String variables up to {@link ModelLimits#MAX_STRING} characters: a model that concatenates a variable with
     * itself from mapping to mapping would otherwise double it until the heap is full.
     */
    static final class LimitedStrings extends StringValueSerializer {

        @Override
        public void writeValue(StringValue value, ValueFields valueFields) {
            String text = value.getValue();
            if (text != null && text.length() > ModelLimits.MAX_STRING) {
                throw new ProcessEngineException("Attest's engine refuses a string variable of " + text.length()
                        + " characters: at most " + ModelLimits.MAX_STRING);
            }
            super.writeValue(value, valueFields);
        }
    }

    /**
     * Every process instance a call activity starts belongs to the case of the process that called it: its
     * business key is that case's reference (or none). A model cannot give a called process another case's
     * reference, under which Attest's worklist, message correlation and case views would treat its tasks as that
     * case's.
     */
    static final class OwnCaseOnly extends AbstractBpmnParseListener {

        static final ExecutionListener CHECK = execution -> {
            if (execution.getSuperExecution() == null) {
                return;
            }
            String own = CaseProcesses.caseReference(execution.getSuperExecution());
            String key = execution.getProcessBusinessKey();
            if (key != null && !key.equals(own)) {
                throw new ProcessEngineException("Attest's engine refuses to start a called process under the "
                        + "business key '" + key + "': it belongs to the case of the process that calls it ("
                        + own + ")");
            }
        };

        @Override
        public void parseProcess(Element processElement,
                ProcessDefinitionEntity processDefinition) {
            processDefinition.addBuiltInListener(ExecutionListener.EVENTNAME_START, CHECK);
        }
    }

    /**
     * Bounds what one engine transaction may do for a model: every activity counts against {@link StepBudget},
     * and a multi-instance activity creates at most {@link ModelLimits#MAX_INSTANCES} instances (the engine creates
     * them all before it starts any).
     */
    static final class RunawayLimits extends AbstractBpmnParseListener {

        @Override
        public void parseProcess(Element processElement,
                ProcessDefinitionEntity processDefinition) {
            budget(processDefinition);
        }

        private static void budget(ScopeImpl scope) {
            for (ActivityImpl activity : scope.getActivities()) {
                activity.addBuiltInListener(ExecutionListener.EVENTNAME_START, StepBudget.INSTANCE);
                budget(activity);
            }
        }

        @Override
        public void parseMultiInstanceLoopCharacteristics(Element activityElement,
                Element multiInstanceLoopCharacteristicsElement,
                ActivityImpl activity) {
            if (activity.getActivityBehavior() instanceof MultiInstanceActivityBehavior behavior
                    && behavior.getLoopCardinalityExpression() != null) {
                behavior.setLoopCardinalityExpression(new LimitedCardinality(behavior.getLoopCardinalityExpression()));
            }
        }
    }

    /** A loop cardinality, refused when it is above {@link ModelLimits#MAX_INSTANCES}. */
    record LimitedCardinality(Expression expression) implements Expression {

        @Override
        public Object getValue(VariableScope scope) {
            Object value = expression.getValue(scope);
            long cardinality;
            try {
                cardinality = value instanceof Number n ? n.longValue() : Long.parseLong(String.valueOf(value).strip());
            } catch (NumberFormatException e) {
                return value; // the engine reports it
            }
            if (cardinality > ModelLimits.MAX_INSTANCES) {
                throw new ProcessEngineException("Attest's engine refuses a multi-instance activity of " + cardinality
                        + " instances: at most " + ModelLimits.MAX_INSTANCES);
            }
            return value;
        }

        @Override
        public void setValue(Object value, VariableScope scope) {
            expression.setValue(value, scope);
        }

        @Override
        public String getExpressionText() {
            return expression.getExpressionText();
        }

        @Override
        public boolean isLiteralText() {
            return expression.isLiteralText();
        }
    }

    /**
     * Counts the activities started in one engine transaction and stops the transaction when a model runs more
     * than {@link #MAX_STEPS} of them without waiting: a loop without a wait state, a cascade of parallel gateways,
     * a multi-instance activity with a huge cardinality or a process that calls itself would otherwise run until the
     * heap is full (and the node exits). Attest's processes take a few dozen steps between two waits.
     */
    static final class StepBudget implements ExecutionListener {

        static final int MAX_STEPS = 10_000;
        static final StepBudget INSTANCE = new StepBudget();

        private static final ThreadLocal<Counter> CURRENT = new ThreadLocal<>();

        private static final class Counter {
            final WeakReference<CommandContext> context;
            int steps;

            Counter(CommandContext context) {
                this.context = new WeakReference<>(context);
            }
        }

        @Override
        public void notify(DelegateExecution execution) {
            CommandContext context = Context.getCommandContext();
            Counter counter = CURRENT.get();
            if (counter == null || counter.context.get() != context) {
                counter = new Counter(context);
                CURRENT.set(counter);
            }
            if (++counter.steps > MAX_STEPS) {
                counter.steps = 0;
                throw new ProcessEngineException("Attest's engine stopped process " + execution.getProcessInstanceId()
                        + " (" + execution.getProcessDefinitionId() + ") at " + execution.getCurrentActivityId()
                        + ": it ran more than " + MAX_STEPS + " steps without waiting (a loop without a wait state, "
                        + "or too many parallel paths)");
            }
        }
    }

    /**
     * Timer durations as the engine computes them, refused when they are repeating intervals or shorter than a
     * minute ({@link ModelLimits}).
     */
    static final class LimitedDurations extends DurationBusinessCalendar {

        @Override
        public Date resolveDuedate(String duedateDescription) {
            check(duedateDescription);
            return super.resolveDuedate(duedateDescription);
        }

        @Override
        public Date resolveDuedate(String duedateDescription, Date startDate) {
            check(duedateDescription);
            return super.resolveDuedate(duedateDescription, startDate);
        }

        @Override
        public Date resolveDuedate(String duedateDescription, Task task) {
            check(duedateDescription);
            return super.resolveDuedate(duedateDescription, task);
        }

        private static void check(String duration) {
            String problem = ModelLimits.durationProblem(duration);
            if (problem != null) {
                throw new ProcessEngineException("Attest's engine refuses the timer duration '" + duration + "': "
                        + problem);
            }
        }
    }

    /** Timer cycles as the engine computes them, refused when they repeat faster than {@link ModelLimits} allows. */
    static final class LimitedCycles extends CycleBusinessCalendar {

        @Override
        public Date resolveDuedate(String duedateDescription, Date startDate, long repeatOffset) {
            check(duedateDescription);
            return super.resolveDuedate(duedateDescription, startDate, repeatOffset);
        }

        @Override
        public Date resolveDuedate(String duedateDescription) {
            check(duedateDescription);
            return super.resolveDuedate(duedateDescription);
        }

        @Override
        public Date resolveDuedate(String duedateDescription, Date startDate) {
            check(duedateDescription);
            return super.resolveDuedate(duedateDescription, startDate);
        }

        @Override
        public Date resolveDuedate(String duedateDescription, Task task) {
            check(duedateDescription);
            return super.resolveDuedate(duedateDescription, task);
        }

        private static void check(String cycle) {
            String problem = ModelLimits.cycleProblem(cycle);
            if (problem != null) {
                throw new ProcessEngineException("Attest's engine refuses the timer cycle '" + cycle + "': " + problem);
            }
        }
    }

    /** Spring's expression manager, but beans come only from the allow-list. */
    static final class AllowListExpressionManager extends SpringExpressionManager {

        private final ProcessBeans processBeans;

        AllowListExpressionManager(ApplicationContext context, ProcessBeans processBeans) {
            super(context);
            this.processBeans = processBeans;
        }

        @Override
        public org.camunda.bpm.engine.impl.el.Expression createExpression(String expression) {
            limit(expression);
            return super.createExpression(expression);
        }

        @Override
        public ValueExpression createValueExpression(String expression) {
            limit(expression);
            return super.createValueExpression(expression);
        }

        private static void limit(String expression) {
            String problem = expression == null ? null : ModelLimits.evalsProblem(expression);
            if (problem != null) {
                throw new ProcessEngineException("Attest's engine refuses the expression: " + problem);
            }
        }

        @Override
        protected ELResolver createElResolver() {
            CompositeELResolver resolver = new CompositeELResolver();
            resolver.add(new VariableScopeElResolver());
            resolver.add(new VariableContextElResolver());
            AllowListBeanResolver beans = new AllowListBeanResolver(applicationContext, processBeans);
            resolver.add(beans);
            resolver.add(new RestrictedMembers(beans));
            return resolver;
        }
    }

    static final class AllowListBeanResolver extends ApplicationContextElResolver {

        private final ProcessBeans processBeans;
        private final Set<Object> resolved = Collections.synchronizedSet(
                Collections.newSetFromMap(new IdentityHashMap<>()));

        AllowListBeanResolver(ApplicationContext context, ProcessBeans processBeans) {
            super(context);
            this.processBeans = processBeans;
        }

        @Override
        public Object getValue(ELContext context, Object base, Object property) {
            if (base == null && property instanceof String name && processBeans.allows(name)) {
                Object bean = super.getValue(context, base, property);
                if (bean != null) {
                    resolved.add(bean);
                }
                return bean;
            }
            return null;
        }

        /** Whether this object is an allow-listed bean this resolver gave out (the very instance). */
        boolean isProcessBean(Object candidate) {
            return resolved.contains(candidate);
        }

        @Override
        public Class<?> getType(ELContext context, Object base, Object property) {
            return null;
        }
    }

    /**
     * Everything with a base object ({@code a.b}, {@code a.b()}, {@code a[b]}): methods only of the allow-listed
     * beans, declared by Attest's own classes (never those of {@link Object}, of a proxy or of a library class), the
     * execution's allowed properties, nothing else; refusals throw, so
     * the expression fails (an exception for the caller, an incident for a job) and nothing is called.
     */
    static final class RestrictedMembers extends ELResolver {

        private final AllowListBeanResolver beans;
        private final BeanELResolver methods = new BeanELResolver(true);

        RestrictedMembers(AllowListBeanResolver beans) {
            this.beans = beans;
        }

        @Override
        public Object getValue(ELContext context, Object base, Object property) {
            if (base == null) {
                return null;
            }
            if (base instanceof DelegateExecution execution && property instanceof String name
                    && ModelExpressions.EXECUTION_PROPERTIES.contains(name)) {
                context.setPropertyResolved(true);
                return switch (name) {
                    case "processBusinessKey" -> execution.getProcessBusinessKey();
                    case "businessKey" -> execution.getBusinessKey();
                    case "processInstanceId" -> execution.getProcessInstanceId();
                    default -> execution.getCurrentActivityId();
                };
            }
            throw new PropertyNotFoundException("Attest's models may not read '" + property + "' of "
                    + base.getClass().getName() + ": only execution.processBusinessKey, businessKey, "
                    + "processInstanceId and currentActivityId");
        }

        @Override
        public Object invoke(ELContext context, Object base, Object method, Class<?>[] paramTypes, Object[] params) {
            if (base == null) {
                return null;
            }
            String name = String.valueOf(method);
            if (!beans.isProcessBean(base) || ModelExpressions.OBJECT_METHODS.contains(name)
                    || !declaredByAttest(base, name)) {
                throw new MethodNotFoundException("Attest's models may not call " + name + "(...) on "
                        + base.getClass().getName() + ": only methods of Attest's process beans");
            }
            return methods.invoke(context, base, method, paramTypes, params);
        }

        /**
         * Whether the bean's own class (not a proxy's additions such as Spring's {@code Advised}, nor a library
         * superclass) declares a public method of this name.
         */
        private static boolean declaredByAttest(Object bean, String name) {
            return ATTEST_METHODS.get(ClassUtils.getUserClass(bean)).contains(name);
        }

        /** Per bean class, the names of the public methods Attest's own classes declare (worked out once). */
        private static final ClassValue<Set<String>> ATTEST_METHODS = new ClassValue<>() {
            @Override
            protected Set<String> computeValue(Class<?> type) {
                Set<String> names = new HashSet<>();
                for (Method m : type.getMethods()) {
                    if (m.getDeclaringClass().getName().startsWith("dev.attest.")) {
                        names.add(m.getName());
                    }
                }
                return Set.copyOf(names);
            }
        };

        @Override
        public Class<?> getType(ELContext context, Object base, Object property) {
            return null;
        }

        @Override
        public void setValue(ELContext context, Object base, Object property, Object value) {
            if (base != null) {
                throw new PropertyNotWritableException("Attest's models may not set '" + property + "'");
            }
        }

        @Override
        public boolean isReadOnly(ELContext context, Object base, Object property) {
            if (base != null) {
                context.setPropertyResolved(true);
            }
            return true;
        }

        @Override
        public Iterator<FeatureDescriptor> getFeatureDescriptors(ELContext context, Object base) {
            return null;
        }

        @Override
        public Class<?> getCommonPropertyType(ELContext context, Object base) {
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
                Expression resourceExpression) {
            throw new ProcessEngineException(SCRIPTS_DISABLED);
        }

        @Override
        public ExecutableScript createScriptFromSource(String language, String source) {
            throw new ProcessEngineException(SCRIPTS_DISABLED);
        }

        @Override
        public ExecutableScript createScriptFromSource(String language,
                Expression sourceExpression) {
            throw new ProcessEngineException(SCRIPTS_DISABLED);
        }
    }
}
