using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Auditing;
using Safeguard.People;
using Safeguard.Persistence;
using Safeguard.Testing;
using Safeguard.Web.Api;
using Safeguard.Web.Tests.Support;

namespace Safeguard.Web.Tests.People;

/// <summary>Finding a child: the whole name first, what tells children apart, and a name with nothing to search for refused.</summary>
public class PersonSearchTests(WebFactories factories) : IClassFixture<WebFactories>
{
    private static string Unique() => Guid.NewGuid().ToString("N")[..6];

    private static async Task<Person> CreateAsync(SafeguardWebFactory factory, string given, string family, DateOnly dob, string sex = "F", NewAddress? address = null, string? nhs = null)
    {
        using var scope = factory.Services.CreateScope();
        var index = scope.ServiceProvider.GetRequiredService<PersonIndex>();
        var details = new NewPerson { GivenNames = given, FamilyName = family, DateOfBirth = dob, Sex = sex, Address = address, NhsNumber = nhs };
        var alike = await index.FindPossibleDuplicatesAsync(details, Actor.System("test set-up"));
        return await index.CreateAsync(details, [.. alike.Select(a => a.Id)], Actor.System("test set-up"));
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task A_name_with_no_letters_or_digits_is_refused_with_a_message_and_the_refusal_is_audited(DatabaseProvider provider)
    {
        var factory = await factories.ForAsync(provider);
        using var client = await factory.SignInAsync("social.worker");

        foreach (var name in new[] { "_", "%", "%_ -" })
        {
            using var page = await client.GetAsync($"/people?Name={Uri.EscapeDataString(name)}");
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            var html = await Html.ReadAsync(page);
            Assert.Contains("The name must include at least one letter or digit", Html.ErrorSummary(html).Single().Message, StringComparison.Ordinal);
            Html.AssertErrorSummaryLinksResolve(html);
        }

        using var api = await client.GetAsync("/api/v1/people?name=_");
        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
        Assert.Contains("at least one letter or digit", await api.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(await TestUsers.WithDbAsync(factory, db => db.AuditEvents.AnyAsync(e => e.Action == AuditAction.Searched && e.After!.Contains("name=%") && e.After.Contains("refused") && e.ActorName == "Sam Social")));
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task The_whole_name_comes_before_names_that_only_share_part_of_it(DatabaseProvider provider)
    {
        var factory = await factories.ForAsync(provider);
        var family = "Wilsonx" + Unique();
        for (var i = 0; i < 12; i++)
        {
            await CreateAsync(factory, "Ella", family, new DateOnly(2010 + (i % 8), 1 + i, 3));
        }

        await CreateAsync(factory, "Esmae", family, new DateOnly(2018, 4, 4));
        var esme = await CreateAsync(factory, "Esme", family, new DateOnly(2017, 5, 6), address: new NewAddress("4 Mill Street", null, "Bury", "BL9 0AA", new DateOnly(2020, 1, 1)), nhs: "9434765919");
        using var client = await factory.SignInAsync("social.worker");

        var page = Html.Parse(await client.GetStringAsync($"/people?Name=Esme+{family}"));
        var rows = Html.TableRows(page);
        Assert.Equal(14, rows.Count);
        Assert.StartsWith($"Esme {family}", rows[0][0], StringComparison.Ordinal);
        Assert.StartsWith($"Esmae {family}", rows[1][0], StringComparison.Ordinal);
        Assert.All(rows.Skip(2), r => Assert.StartsWith($"Ella {family}", r[0], StringComparison.Ordinal));

        // What tells the children apart: age and sex, the address, the tail of the NHS number.
        Assert.Contains("6 May 2017", rows[0][1], StringComparison.Ordinal);
        Assert.Contains("years", rows[0][1], StringComparison.Ordinal);
        Assert.Contains("Female", rows[0][1], StringComparison.Ordinal);
        Assert.Contains("4 Mill Street, Bury, BL9 0AA", rows[0][2], StringComparison.Ordinal);
        Assert.Contains("NHS number ending 5919", rows[0][3], StringComparison.Ordinal);

        var api = await client.GetFromJsonAsync<List<PersonSearchResult>>($"/api/v1/people?name=esme%20{family}");
        Assert.Equal(esme.Id, api![0].Id);
    }
}
