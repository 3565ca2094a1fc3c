package org.marketspine.console.audit;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Comparator;
import javax.imageio.ImageIO;
import org.marketspine.console.model.Capture;
import org.marketspine.console.model.LineageAt;
import org.marketspine.console.model.LineageGraph;
import org.marketspine.console.model.LineageLayout;
import org.marketspine.console.model.PlatformState;

/**
 * The lineage of the newest week (its newest capture's tier) as a PNG for the report, drawn with
 * java.awt so the bundle needs no display. Colours match the app's status tokens.
 */
final class LineagePicture {
    private LineagePicture() {}

    static byte[] png(PlatformState s) {
        Capture newest = s.captures().values().stream().max(Comparator.comparing(Capture::seq)).orElse(null);
        BufferedImage img;
        if (newest == null) {
            img = new BufferedImage(400, 80, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = img.createGraphics();
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, 400, 80);
            g.setColor(Color.DARK_GRAY);
            g.drawString("No captures in this bundle.", 20, 45);
            g.dispose();
        } else {
            LocalDate week = newest.recorded().weekEnding();
            String tier = newest.recorded().tier();
            LineageGraph graph = LineageGraph.of(s, k -> k.weekEnding().equals(week) && k.tier().equals(tier));
            img = draw(graph, LineageLayout.of(graph), LineageAt.of(graph, s), tier + " · week ending " + week);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static BufferedImage draw(LineageGraph graph, LineageLayout.Result layout, LineageAt at, String title) {
        double scale = Math.min(1, 2400 / Math.max(1, layout.width() + 40));
        int w = (int) ((layout.width() + 40) * scale);
        int h = (int) ((layout.height() + 80) * scale);
        BufferedImage img = new BufferedImage(Math.max(w, 300), Math.max(h, 100), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(new Color(0xf6f8fa));
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        g.setColor(new Color(0x1f2328));
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.drawString("Lineage — " + title, 12, 22);
        g.translate(20 * scale, 50 * scale);
        g.scale(scale, scale);
        g.setStroke(new BasicStroke(1.3f));
        g.setColor(new Color(0x8c959f));
        for (LineageLayout.Line l : layout.lines()) {
            double[] p = l.points();
            Path2D path = new Path2D.Double();
            path.moveTo(p[0], p[1]);
            for (int i = 2; i < p.length; i += 2) path.lineTo(p[i], p[i + 1]);
            g.draw(path);
        }
        Font title12 = new Font(Font.SANS_SERIF, Font.BOLD, 12);
        Font small = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
        for (LineageGraph.Node n : graph.nodes()) {
            LineageLayout.Box b = layout.boxes().get(n.id());
            LineageAt.Look look = at.look(n.id());
            if (b == null || !look.present()) continue;
            int x = (int) b.x();
            int y = (int) b.y();
            int bw = (int) LineageLayout.NODE_WIDTH;
            int bh = (int) LineageLayout.NODE_HEIGHT;
            g.setColor(Color.WHITE);
            g.fillRect(x, y, bw, bh);
            g.setColor(new Color(0xd0d7de));
            g.drawRect(x, y, bw, bh);
            g.setColor(tone(look.tone()));
            g.fillRect(x, y, 6, bh);
            g.setFont(small);
            g.drawString(look.badge(), x + bw - 8 - g.getFontMetrics().stringWidth(look.badge()), y + 14);
            g.setColor(new Color(0x1f2328));
            g.setFont(title12);
            g.drawString(clip(n.kind() == LineageGraph.Kind.EXECUTION ? n.ref() : n.dataset(), 34), x + 14, y + 32);
            g.setColor(new Color(0x59636e));
            g.setFont(small);
            g.drawString(clip(n.kind() == LineageGraph.Kind.CAPTURE ? n.ref() : n.kind().name().toLowerCase().replace('_', ' '), 40), x + 14, y + 50);
        }
        g.dispose();
        return img;
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    private static Color tone(LineageAt.Tone t) {
        return switch (t) {
            case CERTIFIED, SUCCEEDED -> new Color(0x1a7f37);
            case PRELIMINARY -> new Color(0xb35900);
            case BLOCKED, FAILED -> new Color(0xcf222e);
            case ACTIVE -> new Color(0x0969da);
            case SOURCE -> new Color(0x8250df);
            default -> new Color(0x6e7781);
        };
    }
}
