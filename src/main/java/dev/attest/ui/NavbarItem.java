package dev.attest.ui;

import com.vaadin.flow.component.Component;

import dev.attest.identity.CurrentUser;

/**
 * Something other modules put in the main layout's bar, beside the user's name (the notifications' bell), without
 * the layout knowing them: every Spring bean of this type is asked once per layout, in {@link #order()}.
 */
public interface NavbarItem {

    /** Where the item goes: lower first. */
    int order();

    /** The item for this user, or {@code null} when it has nothing for them. */
    Component create(CurrentUser user);
}
