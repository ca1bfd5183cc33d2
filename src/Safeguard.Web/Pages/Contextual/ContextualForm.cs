using System.Globalization;
using Safeguard.ComplexSafeguarding;
using Safeguard.Web.TagHelpers;

namespace Safeguard.Web.Pages.Contextual;

/// <summary>The words and choices contextual safeguarding's pages share.</summary>
public static class ContextualForm
{
    private static readonly CultureInfo UkCulture = CultureInfo.GetCultureInfo("en-GB");

    public static string Describe(NodeKind kind) => kind switch
    {
        NodeKind.Child => "child",
        NodeKind.Adult => "adult",
        NodeKind.Location => "place",
        _ => "group",
    };

    public static string Dates(ContextualLink link)
    {
        ArgumentNullException.ThrowIfNull(link);
        return (link.From, link.To) switch
        {
            (null, null) => "Now (start not known)",
            ({ } from, null) => $"Since {Show(from)}",
            (null, { } to) => $"Ended {Show(to)}",
            ({ } from, { } to) => $"{Show(from)} to {Show(to)}",
        };
    }

    public static string Show(DateOnly date) => date.ToString("d MMMM yyyy", UkCulture);

    public static IEnumerable<RadioItem> LocationTypes() =>
        Enum.GetValues<LocationType>().Select(t => new RadioItem(t.ToString(), ContextualText.Describe(t)));

    public static IEnumerable<RadioItem> Relationships(ContextualTarget target) =>
        ContextualText.For(target).Select(r => new RadioItem(r.ToString(), ContextualText.Describe(r)));
}
