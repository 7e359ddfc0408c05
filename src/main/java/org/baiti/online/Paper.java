package org.baiti.online;

import java.util.List;

/**
 * The paper of one attempt: question keys in display order, and per question the attempt's own option ids in
 * display order with the letter (A, B, ...) of the bank option each one stands for. Only the server knows the
 * letters; the browser sees ids and texts.
 */
record Paper(List<Item> items) {

    /** One question of the paper. */
    record Item(String questionKey, List<Option> options) {

        /** The letter an option id stands for, or 0 when the id is not one of this question's. */
        char letterOf(String optionId) {
            for (Option o : options) {
                if (o.id().equals(optionId)) {
                    return o.letter();
                }
            }
            return 0;
        }
    }

    /** A per-attempt option id and the bank letter behind it. */
    record Option(String id, char letter) {
    }

    List<String> keys() {
        return items.stream().map(Item::questionKey).toList();
    }
}
