using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Safeguard.Web.TagHelpers;

/// <summary>
/// GOV.UK Design System form components as tag helpers, so every form shows labels, hints and errors the
/// same accessible way: <c>&lt;govuk-input&gt;</c>, <c>&lt;govuk-select&gt;</c>, <c>&lt;govuk-radios&gt;</c>, <c>&lt;govuk-checkboxes&gt;</c>
/// and <c>&lt;govuk-error-summary&gt;</c>.
/// </summary>
public abstract class GovUkFieldTagHelper : TagHelper
{
    [HtmlAttributeName("asp-for")]
    public ModelExpression For { get; set; } = default!;

    [HtmlAttributeName("label")]
    public string Label { get; set; } = "";

    [HtmlAttributeName("hint")]
    public string? Hint { get; set; }

    /// <summary>Show the label as the page heading (one question per page).</summary>
    [HtmlAttributeName("label-is-heading")]
    public bool LabelIsHeading { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = default!;

    protected string Name => For.Name;

    protected string Id => TagBuilder.CreateSanitizedId(For.Name, "-");

    protected string? Error =>
        ViewContext.ViewData.ModelState.TryGetValue(Name, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;

    protected string CurrentValue =>
        ViewContext.ViewData.ModelState.TryGetValue(Name, out var entry) && entry.AttemptedValue is not null
            ? entry.AttemptedValue
            : Convert.ToString(For.Model, System.Globalization.CultureInfo.InvariantCulture) ?? "";

    protected static string E(string? value) => HtmlEncoder.Default.Encode(value ?? "");

    protected string HintAndError(out string describedBy)
    {
        var parts = new List<string>();
        var html = "";
        if (Hint is not null)
        {
            html += $"<div id=\"{Id}-hint\" class=\"govuk-hint\">{E(Hint)}</div>";
            parts.Add($"{Id}-hint");
        }

        if (Error is { } error)
        {
            html += $"<p id=\"{Id}-error\" class=\"govuk-error-message\"><span class=\"govuk-visually-hidden\">Error:</span> {E(error)}</p>";
            parts.Add($"{Id}-error");
        }

        describedBy = parts.Count > 0 ? $" aria-describedby=\"{string.Join(' ', parts)}\"" : "";
        return html;
    }

    protected string LabelHtml()
    {
        var label = $"<label class=\"govuk-label{(LabelIsHeading ? " govuk-label--l" : "")}\" for=\"{Id}\">{E(Label)}</label>";
        return LabelIsHeading ? $"<h1 class=\"govuk-label-wrapper\">{label}</h1>" : label;
    }

    protected void Wrap(TagHelperOutput output, string inner)
    {
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", Error is null ? "govuk-form-group" : "govuk-form-group govuk-form-group--error");
        output.Content.SetHtmlContent(inner);
    }
}

[HtmlTargetElement("govuk-input", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovUkInputTagHelper : GovUkFieldTagHelper
{
    [HtmlAttributeName("type")]
    public string Type { get; set; } = "text";

    [HtmlAttributeName("autocomplete")]
    public string? Autocomplete { get; set; }

    /// <summary>GOV.UK fixed width class suffix: 2, 3, 4, 5, 10, 20, 30.</summary>
    [HtmlAttributeName("width")]
    public int? Width { get; set; }

    [HtmlAttributeName("inputmode")]
    public string? InputMode { get; set; }

    [HtmlAttributeName("spellcheck")]
    public bool? Spellcheck { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var hint = HintAndError(out var describedBy);
        var classes = "govuk-input" + (Width is { } w ? $" govuk-input--width-{w}" : "") + (Error is null ? "" : " govuk-input--error");
        var value = Type == "password" ? "" : CurrentValue;
        var extra = (Autocomplete is null ? "" : $" autocomplete=\"{E(Autocomplete)}\"")
            + (InputMode is null ? "" : $" inputmode=\"{E(InputMode)}\"")
            + (Spellcheck is null ? "" : $" spellcheck=\"{(Spellcheck.Value ? "true" : "false")}\"");
        Wrap(output, LabelHtml() + hint +
            $"<input class=\"{classes}\" id=\"{Id}\" name=\"{E(Name)}\" type=\"{E(Type)}\" value=\"{E(value)}\"{describedBy}{extra}>");
    }
}

[HtmlTargetElement("govuk-select", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovUkSelectTagHelper : GovUkFieldTagHelper
{
    [HtmlAttributeName("asp-items")]
    public IEnumerable<SelectListItem> Items { get; set; } = [];

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var hint = HintAndError(out var describedBy);
        var current = CurrentValue;
        var options = string.Concat(Items.Select(i =>
            $"<option value=\"{E(i.Value)}\"{(i.Value == current ? " selected" : "")}>{E(i.Text)}</option>"));
        Wrap(output, LabelHtml() + hint +
            $"<select class=\"govuk-select{(Error is null ? "" : " govuk-select--error")}\" id=\"{Id}\" name=\"{E(Name)}\"{describedBy}>{options}</select>");
    }
}

[HtmlTargetElement("govuk-checkboxes", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovUkCheckboxesTagHelper : GovUkFieldTagHelper
{
    [HtmlAttributeName("asp-items")]
    public IEnumerable<SelectListItem> Items { get; set; } = [];

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var hint = HintAndError(out var describedBy);
        var selected = For.Model as IEnumerable<string> ?? [];
        if (ViewContext.ViewData.ModelState.TryGetValue(Name, out var entry) && entry.RawValue is not null)
        {
            selected = entry.RawValue as string[] ?? [entry.AttemptedValue ?? ""];
        }

        var boxes = string.Concat(Items.Select((item, index) =>
        {
            var id = index == 0 ? Id : $"{Id}-{index + 1}";
            var isChecked = selected.Contains(item.Value) ? " checked" : "";
            return $"<div class=\"govuk-checkboxes__item\"><input class=\"govuk-checkboxes__input\" id=\"{id}\" name=\"{E(Name)}\" type=\"checkbox\" value=\"{E(item.Value)}\"{isChecked}>" +
                   $"<label class=\"govuk-label govuk-checkboxes__label\" for=\"{id}\">{E(item.Text)}</label></div>";
        }));
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", Error is null ? "govuk-form-group" : "govuk-form-group govuk-form-group--error");
        output.Content.SetHtmlContent(
            $"<fieldset class=\"govuk-fieldset\"{describedBy}><legend class=\"govuk-fieldset__legend govuk-fieldset__legend--s\">{E(Label)}</legend>{hint}" +
            $"<div class=\"govuk-checkboxes govuk-checkboxes--small\" data-module=\"govuk-checkboxes\">{boxes}</div></fieldset>");
    }
}

/// <summary>The GOV.UK error summary, listing every field error with a link to the field.</summary>
[HtmlTargetElement("govuk-error-summary", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovUkErrorSummaryTagHelper : TagHelper
{
    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = default!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        // GOV.UK: errors are listed in the order the fields appear, which is the order the page model declares them.
        var order = FieldOrder(ViewContext.ViewData.ModelMetadata);
        var errors = ViewContext.ViewData.ModelState
            .Where(e => e.Value is { ValidationState: ModelValidationState.Invalid })
            .SelectMany(e => e.Value!.Errors.Select(x => (Key: e.Key, x.ErrorMessage)))
            .OrderBy(e => e.Key.Length == 0 ? -1 : order.IndexOf(e.Key) is var i and >= 0 ? i : int.MaxValue)
            .ToList();
        if (errors.Count == 0)
        {
            output.SuppressOutput();
            return;
        }

        var items = string.Concat(errors.Select(e =>
        {
            var target = string.IsNullOrEmpty(e.Key) ? "main-content" : TagBuilder.CreateSanitizedId(e.Key, "-");
            return $"<li><a href=\"#{target}\">{HtmlEncoder.Default.Encode(e.ErrorMessage)}</a></li>";
        }));
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "govuk-error-summary");
        output.Attributes.SetAttribute("data-module", "govuk-error-summary");
        output.Content.SetHtmlContent(
            "<div role=\"alert\"><h2 class=\"govuk-error-summary__title\">There is a problem</h2>" +
            $"<div class=\"govuk-error-summary__body\"><ul class=\"govuk-list govuk-error-summary__list\">{items}</ul></div></div>");
    }

    private static List<string> FieldOrder(ModelMetadata? metadata)
    {
        var keys = new List<string>();
        Walk(metadata, "", keys, depth: 0);
        return keys;

        static void Walk(ModelMetadata? metadata, string prefix, List<string> keys, int depth)
        {
            if (metadata is null || depth > 3)
            {
                return;
            }

            foreach (var property in metadata.Properties)
            {
                var key = prefix.Length == 0 ? property.PropertyName! : $"{prefix}.{property.PropertyName}";
                keys.Add(key);
                if (property.IsComplexType && !property.IsEnumerableType && property.ModelType.Namespace?.StartsWith("Safeguard", StringComparison.Ordinal) == true)
                {
                    Walk(property, key, keys, depth + 1);
                }
            }
        }
    }
}

[HtmlTargetElement("govuk-textarea", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovUkTextareaTagHelper : GovUkFieldTagHelper
{
    [HtmlAttributeName("rows")]
    public int Rows { get; set; } = 5;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var hint = HintAndError(out var describedBy);
        Wrap(output, LabelHtml() + hint +
            $"<textarea class=\"govuk-textarea{(Error is null ? "" : " govuk-textarea--error")}\" id=\"{Id}\" name=\"{E(Name)}\" rows=\"{Rows}\"{describedBy}>{E(CurrentValue)}</textarea>");
    }
}

/// <summary>
/// One choice of a <c>&lt;govuk-radios&gt;</c>: its value, text and an optional hint; or, made by
/// <see cref="Or"/>, the divider GOV.UK puts before a choice that excludes the others ("None of these").
/// </summary>
public sealed record RadioItem(string Value, string Text, string? Hint = null)
{
    /// <summary>The divider's text, when this entry is a divider rather than a choice.</summary>
    public string? Divider { get; init; }

    public static RadioItem Or(string text = "or") => new("", "") { Divider = text };
}

/// <summary>
/// GOV.UK radios: a fieldset whose legend asks the question, an optional hint and error message (both named by
/// the fieldset's <c>aria-describedby</c>), then one radio per choice, each with an optional hint. The first
/// radio's id is the field's id, so the error summary's link lands on it. <c>inline</c> lays out two short
/// choices (yes and no) side by side.
/// </summary>
[HtmlTargetElement("govuk-radios", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovUkRadiosTagHelper : GovUkFieldTagHelper
{
    [HtmlAttributeName("asp-items")]
    public IEnumerable<RadioItem> Items { get; set; } = [];

    /// <summary>Side by side, for two short choices such as yes and no.</summary>
    [HtmlAttributeName("inline")]
    public bool Inline { get; set; }

    /// <summary>GOV.UK's legend size: s, m, l or xl (l when the legend is the page heading).</summary>
    [HtmlAttributeName("legend-size")]
    public string LegendSize { get; set; } = "s";

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var hint = HintAndError(out var describedBy);
        var current = CurrentValue;
        var radios = string.Concat(Items.Select((item, index) =>
        {
            if (item.Divider is { } divider)
            {
                return $"<div class=\"govuk-radios__divider\">{E(divider)}</div>";
            }

            var id = index == 0 ? Id : $"{Id}-{index + 1}";
            var isChecked = string.Equals(item.Value, current, StringComparison.OrdinalIgnoreCase) && current.Length > 0 ? " checked" : "";
            var itemHint = item.Hint is null ? "" : $"<div id=\"{id}-item-hint\" class=\"govuk-hint govuk-radios__hint\">{E(item.Hint)}</div>";
            var itemDescribedBy = item.Hint is null ? "" : $" aria-describedby=\"{id}-item-hint\"";
            return $"<div class=\"govuk-radios__item\"><input class=\"govuk-radios__input\" id=\"{id}\" name=\"{E(Name)}\" type=\"radio\" value=\"{E(item.Value)}\"{isChecked}{itemDescribedBy}>" +
                   $"<label class=\"govuk-label govuk-radios__label\" for=\"{id}\">{E(item.Text)}</label>{itemHint}</div>";
        }));
        var size = LabelIsHeading ? "l" : LegendSize;
        var legend = LabelIsHeading
            ? $"<legend class=\"govuk-fieldset__legend govuk-fieldset__legend--{E(size)}\"><h1 class=\"govuk-fieldset__heading\">{E(Label)}</h1></legend>"
            : $"<legend class=\"govuk-fieldset__legend govuk-fieldset__legend--{E(size)}\">{E(Label)}</legend>";
        Wrap(output,
            $"<fieldset class=\"govuk-fieldset\"{describedBy}>{legend}{hint}" +
            $"<div class=\"govuk-radios{(Inline ? " govuk-radios--inline" : "")}\" data-module=\"govuk-radios\">{radios}</div></fieldset>");
    }
}
