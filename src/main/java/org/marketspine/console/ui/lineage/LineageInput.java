package org.marketspine.console.ui.lineage;

import javafx.scene.Node;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;

/**
 * How the lineage graph answers the mouse and the keyboard: a drag pans, a click (a press and a
 * release without a drag) selects what is under it, the wheel zooms about the pointer; + and −
 * zoom about the centre, F fits, the arrows pan.
 */
final class LineageInput {
    /** What the input moves. */
    interface View {
        void pan(double dx, double dy);

        void zoom(double factor, double cx, double cy);

        void fit();

        /** A click at a point of the canvas. */
        void clicked(double x, double y);

        double getWidth();

        double getHeight();

        void requestFocus();
    }

    private final View view;
    private double pressX;
    private double pressY;
    private boolean dragged;

    private LineageInput(View view) {
        this.view = view;
    }

    /** Mouse on {@code canvas}, keys on {@code focusable} (the region that takes the focus). */
    static void install(Node canvas, Node focusable, View view) {
        LineageInput in = new LineageInput(view);
        canvas.setOnMousePressed(in::pressed);
        canvas.setOnMouseDragged(in::dragged);
        canvas.setOnMouseReleased(in::released);
        canvas.setOnScroll(in::scrolled);
        focusable.addEventHandler(KeyEvent.KEY_PRESSED, in::key);
    }

    private void pressed(MouseEvent e) {
        view.requestFocus();
        pressX = e.getX();
        pressY = e.getY();
        dragged = false;
        e.consume(); // the TabPane around would take the focus back on the same press
    }

    private void dragged(MouseEvent e) {
        dragged = true;
        view.pan(e.getX() - pressX, e.getY() - pressY);
        pressX = e.getX();
        pressY = e.getY();
    }

    private void released(MouseEvent e) {
        if (!dragged) view.clicked(e.getX(), e.getY());
    }

    private void scrolled(ScrollEvent e) {
        if (e.getDeltaY() != 0) view.zoom(Math.pow(1.1, e.getDeltaY() / 40), e.getX(), e.getY());
        e.consume();
    }

    private void key(KeyEvent e) {
        double cx = view.getWidth() / 2;
        double cy = view.getHeight() / 2;
        switch (e.getCode()) {
            case PLUS, ADD, EQUALS -> view.zoom(1.2, cx, cy);
            case MINUS, SUBTRACT -> view.zoom(1 / 1.2, cx, cy);
            case F -> view.fit();
            case LEFT -> view.pan(60, 0);
            case RIGHT -> view.pan(-60, 0);
            case UP -> view.pan(0, 60);
            case DOWN -> view.pan(0, -60);
            default -> {
                return;
            }
        }
        e.consume();
    }
}
