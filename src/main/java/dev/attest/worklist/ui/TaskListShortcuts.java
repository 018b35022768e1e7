package dev.attest.worklist.ui;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.IntFunction;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Focusable;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.ShortcutRegistration;
import com.vaadin.flow.component.Shortcuts;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

import dev.attest.worklist.WorkItem;

/**
 * The task list's keyboard shortcuts, while the focus is in the list (so that typing in the search field types):
 * j / k move the highlighted task down and up, c claims it, o opens it (the arrow keys move the grid's focus and
 * Enter opens the focused row, as before), / goes to the search field, ? shows them all. Server-side shortcuts (Vaadin's {@link Shortcuts}); the
 * highlighted row carries the part name {@code cursor} for the theme.
 */
class TaskListShortcuts {

    /** The shortcuts as the help dialog lists them: keys, then what they do. */
    static final List<String[]> HELP = List.of(
            new String[] {"j", "highlight the next task"},
            new String[] {"k", "highlight the previous task"},
            new String[] {"c", "claim the highlighted task"},
            new String[] {"o", "open the highlighted task"},
            new String[] {"↓ ↑", "move the focus between rows"},
            new String[] {"Enter", "open the focused row's task"},
            new String[] {"/", "search"},
            new String[] {"?", "this help"});

    private final Grid<WorkItem> grid;
    private final IntFunction<Optional<WorkItem>> row;
    private final Consumer<WorkItem> claim;
    private final Consumer<WorkItem> open;
    private final Component search;
    private int index = -1;
    private WorkItem cursor;
    Dialog help;

    /**
     * @param grid the task list
     * @param row the task at a position of the list as it is filtered now, if there is one
     * @param claim claims a task
     * @param open opens a task
     * @param search the search field
     */
    TaskListShortcuts(Grid<WorkItem> grid, IntFunction<Optional<WorkItem>> row, Consumer<WorkItem> claim,
            Consumer<WorkItem> open, Component search) {
        this.grid = grid;
        this.row = row;
        this.claim = claim;
        this.open = open;
        this.search = search;
        grid.setPartNameGenerator(t -> cursor != null && cursor.id().equals(t.id()) ? "cursor" : null);
        on(Key.KEY_J, () -> move(1));
        on(Key.KEY_K, () -> move(-1));
        on(Key.KEY_C, () -> current().ifPresent(claim));
        on(Key.KEY_O, () -> current().ifPresent(open));
        on(Key.of("/"), this::focusSearch);
        on(Key.of("?"), this::showHelp);
        Shortcuts.addShortcutListener(grid, this::showHelp, Key.of("?"), KeyModifier.SHIFT).listenOn(grid);
    }

    private void on(Key key, Runnable action) {
        ShortcutRegistration r = Shortcuts.addShortcutListener(grid, action::run, key).listenOn(grid);
        r.setBrowserDefaultAllowed(false);
    }

    /** The highlighted task, or none. */
    Optional<WorkItem> current() {
        return Optional.ofNullable(cursor);
    }

    /** Moves the highlight by {@code delta} rows, staying on the list. */
    void move(int delta) {
        int next = Math.max(0, index + delta);
        Optional<WorkItem> item = row.apply(next);
        if (item.isEmpty()) {
            return;
        }
        WorkItem previous = cursor;
        index = next;
        cursor = item.get();
        if (previous != null) {
            grid.getDataProvider().refreshItem(previous);
        }
        grid.getDataProvider().refreshItem(cursor);
        grid.scrollToIndex(index);
    }

    /** The list changed (filter, claim): the highlight starts again from the top. */
    void reset() {
        index = -1;
        cursor = null;
    }

    void focusSearch() {
        if (search instanceof Focusable<?> f) {
            f.focus();
        }
    }

    void showHelp() {
        if (help != null && help.isOpened()) {
            return;
        }
        help = new Dialog();
        help.setId("shortcut-help");
        help.setHeaderTitle("Keyboard shortcuts");
        Div list = new Div();
        list.addClassName("shortcut-help");
        for (String[] entry : HELP) {
            Div line = new Div(new Span(entry[0]), new Span(" " + entry[1]));
            line.getChildren().findFirst().ifPresent(c -> c.getElement().getClassList().add("shortcut-key"));
            list.add(line);
        }
        Span where = new Span("They work while the focus is in the task list; Tab or a click on a row puts it there.");
        where.addClassName("shortcut-help-note");
        help.add(list, where);
        Button close = new Button("Close", e -> help.close());
        close.setId("shortcut-help-close");
        help.getFooter().add(close);
        help.open();
    }
}
