package dev.attest.bench;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

/** Wraps a data source and counts the SQL statements executed through it (every execute* call, a batch as one). */
final class CountingDataSource {

    final AtomicLong statements = new AtomicLong();

    DataSource wrap(DataSource target) {
        return (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class},
                handler(target, Connection.class));
    }

    private InvocationHandler handler(Object target, Class<?> kind) {
        return (proxy, method, args) -> {
            Object result;
            try {
                result = method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            if (Statement.class.isAssignableFrom(kind) && method.getName().startsWith("execute")) {
                statements.incrementAndGet();
            }
            if (result instanceof Connection c && method.getReturnType() == Connection.class) {
                return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                        handler(c, Connection.class));
            }
            if (result instanceof Statement s && Statement.class.isAssignableFrom(method.getReturnType())) {
                Class<?> type = method.getReturnType();
                return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {type}, handler(s, type));
            }
            return result;
        };
    }
}
