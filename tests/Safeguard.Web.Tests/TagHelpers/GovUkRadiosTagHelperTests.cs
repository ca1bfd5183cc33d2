using AngleSharp.Dom;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Safeguard.FrontDoor;
using Safeguard.Web.TagHelpers;
using Safeguard.Web.Tests.Support;

namespace Safeguard.Web.Tests.TagHelpers;

/// <summary>The HTML of <c>&lt;govuk-radios&gt;</c>, as GOV.UK Frontend renders radios.</summary>
public class GovUkRadiosTagHelperTests
{
    private static readonly RadioItem[] Priorities = [new("Red", "Red", "Immediate risk of harm"), new("Amber", "Amber"), new("Green", "Green")];

    private static IElement Render(GovUkRadiosTagHelper helper, string name, object? model, Type type, ModelStateDictionary? state = null)
    {
        var provider = new EmptyModelMetadataProvider();
        helper.For = new ModelExpression(name, provider.GetModelExplorerForType(type, model));
        helper.ViewContext = new ViewContext { ViewData = new ViewDataDictionary(provider, state ?? new ModelStateDictionary()) };
        var output = new TagHelperOutput("govuk-radios", [], (_, _) => Task.FromResult<TagHelperContent>(new DefaultTagHelperContent()));
        helper.Process(new TagHelperContext([], new Dictionary<object, object>(), "test"), output);
        using var writer = new StringWriter();
        output.WriteTo(writer, System.Text.Encodings.Web.HtmlEncoder.Default);
        return Html.Parse(writer.ToString()).Body!.FirstElementChild!;
    }

    [Fact]
    public void Radios_are_a_fieldset_whose_legend_asks_the_question_and_whose_first_radio_has_the_fields_id()
    {
        var group = Render(new GovUkRadiosTagHelper { Label = "Priority", Items = Priorities }, "Input.Priority", null, typeof(RagPriority?));

        Assert.Equal("govuk-form-group", group.ClassName);
        var fieldset = group.QuerySelector("fieldset.govuk-fieldset")!;
        Assert.Null(fieldset.GetAttribute("aria-describedby"));
        Assert.Equal("Priority", fieldset.QuerySelector("legend.govuk-fieldset__legend.govuk-fieldset__legend--s")!.TextContent);
        var inputs = fieldset.QuerySelectorAll(".govuk-radios[data-module=govuk-radios] .govuk-radios__item input.govuk-radios__input[type=radio]");
        Assert.Equal(["Input-Priority", "Input-Priority-2", "Input-Priority-3"], inputs.Select(i => i.Id));
        Assert.All(inputs, i => Assert.Equal("Input.Priority", i.GetAttribute("name")));
        Assert.Equal(["Red", "Amber", "Green"], inputs.Select(i => i.GetAttribute("value")));
        Assert.DoesNotContain(inputs, i => i.HasAttribute("checked"));
        Assert.Equal(["Red", "Amber", "Green"], fieldset.QuerySelectorAll("label.govuk-label.govuk-radios__label").Select(l => l.TextContent));
        Assert.Equal(["Input-Priority", "Input-Priority-2", "Input-Priority-3"], fieldset.QuerySelectorAll("label").Select(l => l.GetAttribute("for")));
        Assert.Null(fieldset.QuerySelector(".govuk-radios--inline"));
    }

    [Fact]
    public void A_choices_hint_is_under_its_label_and_describes_its_radio()
    {
        var group = Render(new GovUkRadiosTagHelper { Label = "Priority", Items = Priorities }, "Input.Priority", null, typeof(RagPriority?));

        var hint = group.QuerySelector("#Input-Priority-item-hint.govuk-hint.govuk-radios__hint")!;
        Assert.Equal("Immediate risk of harm", hint.TextContent);
        Assert.Equal("Input-Priority-item-hint", group.QuerySelector("#Input-Priority")!.GetAttribute("aria-describedby"));
        Assert.Null(group.QuerySelector("#Input-Priority-2")!.GetAttribute("aria-describedby"));
    }

    [Fact]
    public void The_models_value_is_checked_and_a_value_posted_back_wins_over_it()
    {
        var fromModel = Render(new GovUkRadiosTagHelper { Label = "Priority", Items = Priorities }, "Input.Priority", RagPriority.Amber, typeof(RagPriority?));
        Assert.Equal(["Input-Priority-2"], fromModel.QuerySelectorAll("input[checked]").Select(i => i.Id));

        var state = new ModelStateDictionary();
        state.SetModelValue("Input.Priority", "Green", "Green");
        var posted = Render(new GovUkRadiosTagHelper { Label = "Priority", Items = Priorities }, "Input.Priority", RagPriority.Amber, typeof(RagPriority?), state);
        Assert.Equal(["Input-Priority-3"], posted.QuerySelectorAll("input[checked]").Select(i => i.Id));
    }

    [Fact]
    public void Hint_and_error_are_named_by_the_fieldsets_aria_describedby_and_the_group_shows_the_error()
    {
        var state = new ModelStateDictionary();
        state.AddModelError("Input.Decision", "Select the decision");
        var group = Render(new GovUkRadiosTagHelper { Label = "Decision", Hint = "What happens next", Items = Priorities }, "Input.Decision", null, typeof(string), state);

        Assert.Equal("govuk-form-group govuk-form-group--error", group.ClassName);
        var fieldset = group.QuerySelector("fieldset")!;
        Assert.Equal("Input-Decision-hint Input-Decision-error", fieldset.GetAttribute("aria-describedby"));
        Assert.Equal("What happens next", fieldset.QuerySelector("#Input-Decision-hint.govuk-hint")!.TextContent);
        Assert.Equal("Error: Select the decision", fieldset.QuerySelector("#Input-Decision-error.govuk-error-message")!.TextContent);
        // The hint and error come after the legend, before the radios.
        Assert.Equal(["LEGEND", "DIV", "P", "DIV"], fieldset.Children.Select(c => c.TagName));
    }

    [Fact]
    public void Inline_radios_for_yes_and_no_and_a_divider_before_an_exclusive_choice()
    {
        var inline = Render(new GovUkRadiosTagHelper { Label = "Further action?", Inline = true, Items = [new("yes", "Yes"), new("no", "No")] }, "Input.Nfa", "no", typeof(string));
        Assert.NotNull(inline.QuerySelector(".govuk-radios.govuk-radios--inline"));
        Assert.Equal("Input-Nfa-2", inline.QuerySelector("input[checked]")!.Id);

        var divided = Render(new GovUkRadiosTagHelper { Label = "Level", Items = [new("1", "One"), new("2", "Two"), RadioItem.Or(), new("0", "None of these")] }, "Input.Level", null, typeof(string));
        var children = divided.QuerySelector(".govuk-radios")!.Children;
        Assert.Equal(["govuk-radios__item", "govuk-radios__item", "govuk-radios__divider", "govuk-radios__item"], children.Select(c => c.ClassName));
        Assert.Equal("or", children[2].TextContent);
        Assert.Equal(["Input-Level", "Input-Level-2", "Input-Level-4"], divided.QuerySelectorAll("input").Select(i => i.Id));
    }

    [Fact]
    public void A_legend_that_is_the_page_heading_is_a_large_h1()
    {
        var group = Render(new GovUkRadiosTagHelper { Label = "What is the decision?", LabelIsHeading = true, Items = Priorities }, "Input.Decision", null, typeof(string));

        Assert.Equal("What is the decision?", group.QuerySelector("legend.govuk-fieldset__legend--l > h1.govuk-fieldset__heading")!.TextContent);
    }

    [Fact]
    public void Values_and_text_are_html_encoded()
    {
        var group = Render(new GovUkRadiosTagHelper { Label = "A <b>question</b>", Items = [new("\"x\"", "<script>", "<i>hint</i>")] }, "Input.X", null, typeof(string));

        Assert.Empty(group.QuerySelectorAll("script, b, i"));
        Assert.Equal("\"x\"", group.QuerySelector("input")!.GetAttribute("value"));
        Assert.Equal("<script>", group.QuerySelector("label")!.TextContent);
    }
}
