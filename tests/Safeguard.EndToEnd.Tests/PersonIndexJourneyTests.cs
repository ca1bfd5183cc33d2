using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Safeguard.EndToEnd.Tests;

/// <summary>A social worker finds no record for a child and adds one, question by question, each page accessible.</summary>
public class PersonIndexJourneyTests(DemoAppFixture app) : IClassFixture<DemoAppFixture>
{
    [Fact]
    public async Task A_social_worker_adds_a_child_through_the_question_pages()
    {
        var page = await app.NewPageAsync();
        var problems = PageProblems.Watch(page);
        await DemoAppFixture.SignInAsync(page, "social.worker");

        var navigation = page.GetByRole(AriaRole.Navigation, new() { Name = "Menu" });
        await navigation.GetByRole(AriaRole.Link, new() { Name = "Children and families" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Find a child or adult");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Quennellworth");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Assertions.Expect(page.Locator("h2").First).ToHaveTextAsync("0 people found");
        await Screenshots.SaveAsync(page, "people-0-search");
        await Axe.AssertNoViolationsAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Add a child" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("What is the child's name?");
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter the child's given names");
        await Axe.AssertNoViolationsAsync(page);
        await page.GetByLabel("Given names", new() { Exact = true }).FillAsync("Ada");
        await page.GetByLabel("Family name", new() { Exact = true }).FillAsync("Quennellworth");
        await Screenshots.SaveAsync(page, "people-1-name");
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("When was the child born?");
        await page.GetByLabel("Yes, enter the date of birth").CheckAsync();
        await page.GetByLabel("Day").FillAsync("27");
        await page.GetByLabel("Month").FillAsync("3");
        await page.GetByLabel("Year").FillAsync("2019");
        await Axe.AssertNoViolationsAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("About the child");
        await page.GetByLabel("Sex").SelectOptionAsync("F");
        await page.GetByLabel("Ethnicity").SelectOptionAsync("WBRI");
        await page.GetByLabel("No disability").CheckAsync();
        await Axe.AssertNoViolationsAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("What identifiers does the child have?");
        await page.GetByLabel("NHS number").FillAsync("943 476 5918");
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("The NHS number must be 10 digits");
        await Axe.AssertNoViolationsAsync(page);
        await page.GetByLabel("NHS number").FillAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Where does the child live?");
        await page.GetByLabel("Address line 1", new() { Exact = true }).FillAsync("3 Market Street");
        await page.GetByLabel("Town or city").FillAsync("Bury");
        await page.GetByLabel("Postcode").FillAsync("bl9 0aa");
        await page.GetByLabel("Day").FillAsync("1");
        await page.GetByLabel("Month").FillAsync("9");
        await page.GetByLabel("Year").FillAsync("2020");
        await Axe.AssertNoViolationsAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Check your answers before adding the child");
        await Assertions.Expect(page.Locator(".govuk-summary-list")).ToContainTextAsync("Ada Quennellworth");
        await Assertions.Expect(page.Locator(".govuk-summary-list")).ToContainTextAsync("27 March 2019");
        await Assertions.Expect(page.Locator(".govuk-summary-list")).ToContainTextAsync("BL9 0AA");
        await Screenshots.SaveAsync(page, "people-2-check");
        await Axe.AssertNoViolationsAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the child" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/people/[0-9a-f-]{36}$"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Ada Quennellworth");
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("Ada Quennellworth is added.");
        await Screenshots.SaveAsync(page, "people-3-record");
        await Axe.AssertNoViolationsAsync(page);
        problems.AssertNone();
    }
}
