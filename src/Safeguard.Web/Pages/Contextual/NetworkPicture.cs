using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Safeguard.ComplexSafeguarding;

namespace Safeguard.Web.Pages.Contextual;

/// <summary>
/// Draws a <see cref="ContextualNetwork"/> as SVG on the server: the centre in the middle, what it is linked to on a
/// ring around it, and what those are linked to on an outer ring near them. Styling is by class (wwwroot/css/network.css);
/// the picture is an image with a title and description, and the page lists every link in a table beside it.
/// </summary>
public static class NetworkPicture
{
    public const int Width = 760;
    public const int Height = 600;
    private const double Ring1 = 160;
    private const double Ring2 = 270;
    private const int MaxLabel = 24;

    public static IHtmlContent Render(ContextualNetwork network, string id)
    {
        ArgumentNullException.ThrowIfNull(network);
        var positions = Layout(network);
        var svg = new StringBuilder();
        var e = HtmlEncoder.Default;
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"net\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" data-testid=\"network\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title id=\"{id}-title\">{e.Encode($"Network around {network.Centre.Name}")}</title>");
        svg.Append(CultureInfo.InvariantCulture, $"<desc id=\"{id}-desc\">{e.Encode(Describe(network))}</desc>");
        foreach (var edge in network.Edges)
        {
            if (positions.TryGetValue(edge.From.Key, out var a) && positions.TryGetValue(edge.To.Key, out var b))
            {
                var ended = edge.Link.To is not null ? " net-edge--ended" : "";
                svg.Append(CultureInfo.InvariantCulture, $"<line class=\"net-edge{ended}\" x1=\"{a.X:0.#}\" y1=\"{a.Y:0.#}\" x2=\"{b.X:0.#}\" y2=\"{b.Y:0.#}\"/>");
            }
        }

        foreach (var node in network.Nodes)
        {
            var (x, y) = positions[node.Node.Key];
            var centre = node.Ring == 0 ? " net-centre" : "";
            svg.Append(node.Node.Kind switch
            {
                NodeKind.Location => string.Create(CultureInfo.InvariantCulture, $"<rect class=\"net-location{centre}\" x=\"{x - 13:0.#}\" y=\"{y - 13:0.#}\" width=\"26\" height=\"26\"/>"),
                NodeKind.Group => string.Create(CultureInfo.InvariantCulture, $"<polygon class=\"net-group{centre}\" points=\"{x:0.#},{y - 17:0.#} {x + 17:0.#},{y:0.#} {x:0.#},{y + 17:0.#} {x - 17:0.#},{y:0.#}\"/>"),
                NodeKind.Adult => string.Create(CultureInfo.InvariantCulture, $"<circle class=\"net-adult{centre}\" cx=\"{x:0.#}\" cy=\"{y:0.#}\" r=\"13\"/>"),
                _ => string.Create(CultureInfo.InvariantCulture, $"<circle class=\"net-child{centre}\" cx=\"{x:0.#}\" cy=\"{y:0.#}\" r=\"14\"/>"),
            });
            var label = node.Node.Name.Length > MaxLabel ? node.Node.Name[..(MaxLabel - 1)] + "…" : node.Node.Name;
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"net-label\" x=\"{x:0.#}\" y=\"{y + 32:0.#}\" text-anchor=\"middle\">{e.Encode(label)}</text>");
        }

        svg.Append("</svg>");
        return new HtmlString(svg.ToString());
    }

    /// <summary>What the picture shows, in words (the SVG's description).</summary>
    public static string Describe(ContextualNetwork network)
    {
        ArgumentNullException.ThrowIfNull(network);
        var first = network.Nodes.Where(n => n.Ring == 1).ToList();
        var second = network.Nodes.Count(n => n.Ring == 2);
        var parts = new[] { (NodeKind.Child, "child", "children"), (NodeKind.Adult, "adult", "adults"), (NodeKind.Location, "place", "places"), (NodeKind.Group, "group", "groups") }
            .Select(k => (Count: first.Count(n => n.Node.Kind == k.Item1), k.Item2, k.Item3))
            .Where(k => k.Count > 0)
            .Select(k => $"{k.Count} {(k.Count == 1 ? k.Item2 : k.Item3)}");
        var linked = first.Count == 0 ? "nothing yet" : string.Join(", ", parts);
        return $"{network.Centre.Name} is linked to {linked}; {second} more linked to those. "
            + (network.LeftOut > 0 ? $"{network.LeftOut} more are not drawn. " : "")
            + "The table of links lists every line in the picture.";
    }

    private static Dictionary<string, (double X, double Y)> Layout(ContextualNetwork network)
    {
        const double cx = Width / 2.0, cy = Height / 2.0 - 10;
        var positions = new Dictionary<string, (double X, double Y)> { [network.Centre.Key] = (cx, cy) };
        var first = network.Nodes.Where(n => n.Ring == 1).ToList();
        var angles = new Dictionary<string, double>();
        for (var i = 0; i < first.Count; i++)
        {
            var angle = -Math.PI / 2 + (2 * Math.PI * i / first.Count);
            angles[first[i].Node.Key] = angle;
            positions[first[i].Node.Key] = (cx + (Ring1 * Math.Cos(angle)), cy + (Ring1 * Math.Sin(angle)));
        }

        var sector = first.Count == 0 ? 0 : Math.Min(2 * Math.PI / first.Count, Math.PI / 2);
        foreach (var group in network.Nodes.Where(n => n.Ring == 2).GroupBy(n => n.ViaKey))
        {
            var via = angles.GetValueOrDefault(group.Key ?? "", 0);
            var items = group.ToList();
            for (var i = 0; i < items.Count; i++)
            {
                var angle = via + (items.Count == 1 ? 0 : sector * 0.8 * ((i / (double)(items.Count - 1)) - 0.5));
                positions[items[i].Node.Key] = (cx + (Ring2 * Math.Cos(angle)), cy + (Ring2 * 0.78 * Math.Sin(angle)));
            }
        }

        return positions;
    }
}
