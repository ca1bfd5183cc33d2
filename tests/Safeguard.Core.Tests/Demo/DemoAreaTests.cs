using System.Xml;
using System.Xml.Schema;
using Microsoft.EntityFrameworkCore;
using Safeguard.Auditing;
using Safeguard.Calendar;
using Safeguard.Common;
using Safeguard.DemoData;
using Safeguard.FrontDoor;
using Safeguard.Interchange.Cin;
using Safeguard.Journey;
using Safeguard.Persistence;
using Safeguard.Testing;

namespace Safeguard.Core.Tests.Demo;

/// <summary>
/// The generated demo area at a fiftieth of a borough (860 children, about 200 contacts a year), on a fixed day:
/// activity at the area's rates, some timescales missed, the same on every run, added once, audited, and a
/// census export of it that the census validator passes.
/// </summary>
public sealed class DemoAreaTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private static readonly DemoOptions Options = new(Scale: 0.02);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, ClassData(typeof(BothProviders))]
    public async Task The_demo_area_has_activity_at_the_area_rates_with_some_timescales_missed(DatabaseProvider provider)
    {
        await using var services = await SeedAsync(provider);
        var db = services.Db;
        var calendar = await services.Get<CalendarAdministration>().CalendarAsync(Ct);
        var year = new ReportingYear(2024);

        // The area's children, and the care leavers of 18 to 21 who have records of their own (council ids L...).
        var result = await db.People.CountAsync(p => p.Kind == Safeguard.People.PersonKind.Child && EF.Functions.Like(p.CouncilChildId!, "D%"), Ct);
        Assert.Equal(860, result);
        var leavers = await db.People.Where(p => p.Kind == Safeguard.People.PersonKind.Child && EF.Functions.Like(p.CouncilChildId!, "L%")).Select(p => p.Id).ToListAsync(Ct);
        Assert.Equal(2, leavers.Count); // about 25 a year leave care at 18 at scale 1: four years' worth
        Assert.All(leavers, id => Assert.True(db.Set<Safeguard.LookedAfter.CareEpisode>().Any(e => e.PersonId == id)));
        var contacts = await db.Contacts.AsNoTracking().Include(c => c.Children).ToListAsync(Ct);
        var inYear = contacts.Where(c => year.Contains(UkTime.ToUkDate(c.ReceivedAt))).ToList();
        Assert.InRange(inYear.Count, 150, 250); // 10,000 a year at scale 1
        Assert.All(contacts, c => Assert.NotEmpty(c.Children));
        Assert.Contains(contacts, c => c.Children.Count > 1);

        var episodes = await db.NeedEpisodes.AsNoTracking().Include(e => e.Assessments).Include(e => e.ProtectionPlans).ToListAsync(Ct);
        var referrals = episodes.Where(e => year.Contains(e.ReferralDate)).ToList();
        Assert.InRange(referrals.Count, 45, 95); // 3,400 a year at scale 1
        Assert.InRange(referrals.Count(e => e.Assessments.Count > 0) * 100 / referrals.Count, 80, 97); // about 90% assessed
        var onPlans = episodes.SelectMany(e => e.ProtectionPlans).Count(p => p.StartDate <= year.End && (p.EndDate is null || p.EndDate > year.End));
        Assert.InRange(onPlans, 1, 12); // about 240 at scale 1
        Assert.All(episodes.GroupBy(e => e.PersonId), child => Assert.True(child.Count(e => e.IsOpen) <= 1));

        // Missed on purpose: late decisions and assessments, and open work overdue today.
        var deadlines = await services.Get<CalendarAdministration>().DeadlinesAsync(Ct);
        Assert.Contains(contacts, c => c.DecidedAt is { } at && deadlines.AssessAt(deadlines.Calculate("contact-decision", c.ReceivedAt), at).Status == Safeguard.Timescales.DeadlineStatus.MetLate);
        Assert.Contains(contacts, c => c.Decision is null);
        var assessments = episodes.SelectMany(e => e.Assessments.Select(a => (e.ReferralDate, a))).ToList();
        Assert.Contains(assessments, x => x.a.AuthorisationDate is { } done && calendar.WorkingDaysBetween(x.ReferralDate, done) > 45);
        Assert.Contains(assessments, x => x.a.AuthorisationDate is { } done && calendar.WorkingDaysBetween(x.ReferralDate, done) <= 45);
        Assert.Contains(assessments, x => x.a.IsOpen);
        Assert.All(assessments, x => Assert.True(x.a.AuthorisationDate is null || x.a.AuthorisationDate <= UkTime.ToUkDate(Now)));
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task Children_on_plans_are_visited_about_every_ten_working_days_and_an_overdue_visit_is_days_or_weeks_late(DatabaseProvider provider)
    {
        await using var services = await SeedAsync(provider);
        var db = services.Db;
        var today = UkTime.ToUkDate(Now);
        var calendar = await services.Get<CalendarAdministration>().CalendarAsync(Ct);
        var plans = await (from p in db.Set<ProtectionPlan>().AsNoTracking()
                           join e in db.NeedEpisodes on p.EpisodeId equals e.Id
                           select new { e.PersonId, p.StartDate, p.EndDate }).ToListAsync(Ct);
        var visits = (await db.ChildVisits.AsNoTracking().ToListAsync(Ct)).ToLookup(v => v.PersonId);
        Assert.NotEmpty(plans);
        Assert.All(visits.SelectMany(v => v), v => Assert.InRange(v.VisitDate, new DateOnly(2021, 1, 1), today));
        // Every plan of a month or more has visits at which the child was seen, mostly within 10 working days of the
        // last and never months apart.
        foreach (var plan in plans.Where(p => calendar.WorkingDaysBetween(p.StartDate, p.EndDate ?? today) >= 25))
        {
            var seen = visits[plan.PersonId].Where(v => v.ChildSeen && v.VisitDate > plan.StartDate && v.VisitDate <= (plan.EndDate ?? today)).Select(v => v.VisitDate).Order().ToList();
            Assert.True(seen.Count >= 2, $"A plan from {plan.StartDate} has {seen.Count} visits.");
            var gaps = seen.Zip(seen.Skip(1), (a, b) => calendar.WorkingDaysBetween(a, b)).ToList();
            Assert.True(gaps.Count(g => g <= 10) * 2 >= gaps.Count && gaps.All(g => g <= 20), string.Join(",", gaps));
        }

        // What is due today: a child protection visit is overdue by days or a few weeks at most, never months.
        var due = await services.Get<IEnumerable<Safeguard.Work.IDueWorkSource>>().OfType<ChildVisitDueWork>().Single().DueAsync(new Safeguard.Work.DueWorkQuery(), Ct);
        Assert.NotEmpty(due);
        Assert.All(due, d => Assert.InRange(d.Assessment.WorkingDaysLate, 0, 25));
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task The_demo_area_is_the_same_for_the_same_seed_added_once_and_audited(DatabaseProvider provider)
    {
        await using var first = await SeedAsync(provider);
        await using var second = await SeedAsync(provider);

        static Task<List<string>> FingerprintAsync(SafeguardDbContext db) =>
            db.Contacts.AsNoTracking().OrderBy(c => c.Id).Select(c => c.Id + " " + c.ReferralSource + " " + c.Decision + " " + c.Children.Count).ToListAsync(Ct);
        Assert.Equal(await FingerprintAsync(first.Db), await FingerprintAsync(second.Db));

        var again = await first.Get<DemoSeeder>().SeedAsync("Testshire", Options, Ct);
        Assert.Equal((0, 0, 0), (again.ChildrenAdded, again.ContactsAdded, again.ReferralsAdded));

        // One "created" event per record generated, so a person's record has its own history from the start.
        var seeded = await first.Db.AuditEvents.AsNoTracking().Where(e => e.Process == "Demo.SeedArea").ToListAsync(Ct);
        var contactIds = (await first.Db.Contacts.AsNoTracking().Select(c => c.Id).ToListAsync(Ct)).Select(id => id.ToString()).ToList();
        Assert.Equal(
            contactIds.Order(StringComparer.Ordinal),
            seeded.Where(e => e.EntityType == nameof(Contact)).Select(e => e.EntityId).Order(StringComparer.Ordinal));
        Assert.All(seeded, e => Assert.Equal(AuditAction.Created, e.Action));
        var people = (await first.Db.People.AsNoTracking().Select(p => p.Id).ToListAsync(Ct)).Select(id => id.ToString()).ToHashSet();
        Assert.Equal(people.Count, seeded.Count(e => e.EntityType == "Person" && people.Contains(e.EntityId)));
        Assert.Contains(seeded, e => e.EntityType == nameof(NeedEpisode) && e.After!.Contains("scale 0.02", StringComparison.Ordinal));
        Assert.DoesNotContain(seeded, e => e.EntityId.StartsWith("bulk:", StringComparison.Ordinal));
        Assert.True((await AuditTrail.VerifyAsync(first.Db, Ct)).Intact);
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task The_census_export_of_the_demo_area_is_schema_valid_and_has_no_validation_errors(DatabaseProvider provider)
    {
        await using var services = await SeedAsync(provider);

        using var output = new MemoryStream();
        var result = await services.Get<CensusExportService>().ExportAsync(output, CinCollection.Parse("2024-25"), "351", Actor.System("test"), Ct);

        Assert.InRange(result.Children, 60, 200);
        var schemas = new XmlSchemaSet();
        schemas.Add(null, ReferenceFiles.Path("cin-census", "CIN_schema_2026.xsd"));
        var schemaProblems = new List<string>();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = schemas };
        settings.ValidationEventHandler += (_, e) => schemaProblems.Add($"line {e.Exception?.LineNumber}: {e.Message}");
        output.Position = 0;
        using (var reader = XmlReader.Create(output, settings))
        {
            while (reader.Read())
            {
            }
        }

        Assert.Empty(schemaProblems);
        output.Position = 0;
        var issues = new List<CinIssue>();
        new CinValidator(await services.Get<CalendarAdministration>().CalendarAsync(Ct)).Validate(output, "demo.xml", new CinReaderOptions(), issues.Add, cancellationToken: Ct);
        Assert.Empty(issues.Where(i => i.Severity == CinSeverity.Error).Select(i => $"{i.Rule} {i.ChildId} {i.Message}"));
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task The_ssda903_export_of_the_demo_area_checked_with_last_years_export_has_no_validation_errors(DatabaseProvider provider)
    {
        await using var services = await SeedAsync(provider);
        var export = services.Get<Safeguard.LookedAfter.Ssda903ExportService>();

        async Task<List<Safeguard.Interchange.Ssda903.Ssda903File>> ExportAsync(string year, bool lastYear)
        {
            var tables = new Dictionary<Safeguard.Interchange.Ssda903.Ssda903Table, StringWriter>();
            await export.ExportAsync(t => tables.TryGetValue(t, out var w) ? w : tables[t] = new StringWriter(), CinCollection.Parse(year), Actor.System("test"), Ct);
            return [.. tables.Select(t => new Safeguard.Interchange.Ssda903.Ssda903File(
                $"{year} {t.Key}", () => new MemoryStream(System.Text.Encoding.UTF8.GetBytes(t.Value.ToString())), lastYear))];
        }

        var files = await ExportAsync("2024-25", lastYear: false);
        files.AddRange(await ExportAsync("2023-24", lastYear: true));
        var (summary, issues) = Safeguard.Interchange.Ssda903.Ssda903Validator.Validate(files, CinCollection.Parse("2024-25"));

        Assert.InRange(summary.Children, 3, 40); // about 350 in care at scale 1, with last year's leavers
        Assert.Empty(issues.Select(i => $"{i.Rule} {i.ChildId} {string.Join(",", i.Fields)} {i.Message}"));

        // Every table the records hold is written and read as that table; the missing periods from care are there.
        Assert.Equal(
            Safeguard.LookedAfter.Ssda903ExportService.Written.Order(),
            summary.Files.Keys.Where(t => t <= Safeguard.Interchange.Ssda903.Ssda903Table.SocialWorker).Order());
        int Rows(string name)
        {
            using var reader = new StreamReader(files.Single(f => f.Name == $"2024-25 {name}").Open());
            return reader.ReadToEnd().Split(["\r\n", "\n"], StringSplitOptions.RemoveEmptyEntries).Length - 1;
        }

        Assert.True(Rows("Ad1") > 0, "no adoption in the 2024-25 export");
        Assert.True(Rows("Oc2") > 0, "no child looked after for 12 months in the 2024-25 export");
        Assert.True(Rows("PlacedAdoption") >= Rows("Ad1"), "fewer decisions than adoptions in the 2024-25 export");
        Assert.True(Rows("PrevPerm") > 0, "no previous permanence in the 2024-25 export");

        // Every care leaver's birthday record is written once, in the OC3 table of the year of the birthday (the demo's care
        // leavers are those owed a plan today, so their birthdays fall mostly after 2024-25, whose OC3 may be empty).
        var recorded = (await services.Db.Set<Safeguard.LookedAfter.CareLeaverContact>().AsNoTracking()
                .Join(services.Db.People.Where(p => p.CouncilChildId != null && p.MergedIntoId == null), c => c.PersonId, p => p.Id, (c, p) => new { p.CouncilChildId, p.DateOfBirth, c.Birthday })
                .ToListAsync(Ct))
            .Select(c => (Child: c.CouncilChildId!, Day: c.DateOfBirth!.Value.AddYears(c.Birthday)))
            .GroupBy(c => c.Day.Month >= 4 ? c.Day.Year : c.Day.Year - 1)
            .ToList();
        Assert.NotEmpty(recorded);
        foreach (var year in recorded)
        {
            var name = $"{year.Key}-{(year.Key + 1) % 100:00}";
            using var oc3 = new StreamReader((await ExportAsync(name, lastYear: false)).Single(f => f.Name == $"{name} Oc3").Open());
            var written = (await oc3.ReadToEndAsync(Ct)).Split(["\r\n", "\n"], StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(',')[0]);
            Assert.Equal(year.Select(c => c.Child).Order(StringComparer.Ordinal), written.Order(StringComparer.Ordinal));
        }

        // The demo's missing episodes cover the two years to today, so the year after has them in full.
        var next = await ExportAsync("2025-26", lastYear: false);
        using (var missing = new StreamReader(next.Single(f => f.Name == "2025-26 Missing").Open()))
        {
            Assert.True((await missing.ReadToEndAsync(Ct)).Split(["\r\n", "\n"], StringSplitOptions.RemoveEmptyEntries).Length > 1, "no missing periods from care in the 2025-26 export");
        }
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task The_demo_care_leavers_have_an_adviser_pathway_plans_and_birthday_records_and_are_on_the_tracker(DatabaseProvider provider)
    {
        await using var services = await SeedAsync(provider);
        var db = services.Db;
        var today = UkTime.ToUkDate(Now);
        var tracker = await services.Get<Safeguard.LookedAfter.CareLeaverTracker>().ListAsync(new Safeguard.LookedAfter.CareLeaverTrackerQuery { PageSize = 200 }, Actor.System("test"), Ct);
        var owed = tracker.Rows.Where(r => r.Status is Safeguard.LookedAfter.LeavingCareStatus.Eligible or Safeguard.LookedAfter.LeavingCareStatus.Relevant or Safeguard.LookedAfter.LeavingCareStatus.FormerRelevant).ToList();

        // Every care leaver the history makes one has an adviser; none is added for anyone else.
        var advised = await db.Set<Safeguard.LookedAfter.CareLeaver>().AsNoTracking().ToListAsync(Ct);
        Assert.NotEmpty(owed);
        Assert.Equal(owed.Select(r => r.PersonId).Order(), advised.Select(c => c.PersonId).Order());
        Assert.All(advised, c => Assert.NotNull(c.PersonalAdviserUserId));
        Assert.Contains(owed, r => r.Status == Safeguard.LookedAfter.LeavingCareStatus.FormerRelevant);
        Assert.Contains(owed, r => r.NextPlan is not null);

        // Plans from 16, in order; birthday records only when not looked after that day, coded as the 903 allows.
        var plans = await db.Set<Safeguard.LookedAfter.PathwayPlan>().AsNoTracking().ToListAsync(Ct);
        var born = await db.People.AsNoTracking().Where(p => p.DateOfBirth != null).ToDictionaryAsync(p => p.Id, p => p.DateOfBirth!.Value, Ct);
        Assert.All(plans, p => Assert.InRange(p.AgreedOn, born[p.PersonId].AddYears(16), today));
        Assert.All(plans.GroupBy(p => p.PersonId), g => Assert.Single(g, p => !p.IsReview));
        var contacts = await db.Set<Safeguard.LookedAfter.CareLeaverContact>().AsNoTracking().ToListAsync(Ct);
        Assert.NotEmpty(contacts);
        Assert.All(contacts, c =>
        {
            Assert.True(Safeguard.Interchange.Ssda903.Ssda903Schema.Activity.Contains(c.Activity), c.Activity);
            Assert.True(Safeguard.Interchange.Ssda903.Ssda903Schema.Accommodation.Contains(c.Accommodation), c.Accommodation);
            Assert.Equal(c.InTouch == "YES", c.Activity != "0");
        });
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task Every_demo_step_up_has_its_front_door_contact_about_the_familys_children_as_the_service_makes_it(DatabaseProvider provider)
    {
        await using var services = await SeedAsync(provider);
        var db = services.Db;
        var stepped = await db.Set<Safeguard.EarlyHelp.EarlyHelpEpisode>().AsNoTracking().Include(e => e.Members)
            .Where(e => e.SteppedUpOn != null || e.StepUpContactId != null || e.Outcome == Safeguard.EarlyHelp.EarlyHelpOutcome.SteppedUp).ToListAsync(Ct);
        Assert.NotEmpty(stepped);
        var ids = stepped.Select(e => e.StepUpContactId).OfType<Guid>().ToList();
        var contacts = await db.Contacts.AsNoTracking().Include(c => c.Children).Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, Ct);
        Assert.All(stepped, e =>
        {
            var contact = contacts[Assert.NotNull(e.StepUpContactId)];
            Assert.Equal(("5D", e.SteppedUpOn, ContactDecision.ReferralToChildrensSocialCare), (contact.ReferralSource, (DateOnly?)UkTime.ToUkDate(contact.ReceivedAt), contact.Decision));
            Assert.Equal(e.Members.Where(m => m.IsChild).Select(m => (Guid?)m.PersonId).Order(), contact.Children.Select(c => c.PersonId).Order());
            Assert.InRange(e.SteppedUpOn!.Value, e.StartedOn, Assert.NotNull(e.ClosedOn));
        });
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task The_demo_lado_opens_an_allegation_from_every_contact_referred_to_it_but_the_last_few_days(DatabaseProvider provider)
    {
        await using var services = await SeedAsync(provider);
        var db = services.Db;
        var calendar = await services.Get<CalendarAdministration>().CalendarAsync(Ct);
        var contacts = await db.Contacts.AsNoTracking().Include(c => c.Children).Where(c => c.Decision == ContactDecision.ReferToLado).ToListAsync(Ct);
        var opened = await db.Set<Safeguard.Lado.LadoAllegation>().AsNoTracking().Include(a => a.Children).Where(a => a.ContactId != null).ToListAsync(Ct);
        var byContact = opened.ToDictionary(a => a.ContactId!.Value);
        Assert.NotEmpty(opened);
        Assert.All(opened, a => Assert.Contains(contacts, c => c.Id == a.ContactId));

        // As the LADO opens one from a waiting contact: referred on the day of the decision, the contact's referrer,
        // concerns and children.
        Assert.All(contacts.Where(c => byContact.ContainsKey(c.Id)), c =>
        {
            var a = byContact[c.Id];
            Assert.Equal((UkTime.ToUkDate(c.DecidedAt!.Value), c.FromAgencyId, c.ReferrerName, c.Concerns), (a.ReferredOn, a.ReferrerAgencyId, a.ReferrerName, a.Allegation));
            Assert.Equal(c.Children.Select(x => x.PersonId!.Value).Order(), a.Children.Select(x => x.PersonId).Order());
            Assert.True(a.RecordedAt >= c.DecidedAt, $"Allegation {a.Id} recorded before its contact was decided");
        });

        // Only a handful wait, all decided in the last few working days.
        var since = calendar.PreviousWorkingDay(calendar.PreviousWorkingDay(UkTime.ToUkDate(Now)));
        var waiting = contacts.Where(c => !byContact.ContainsKey(c.Id)).ToList();
        Assert.InRange(waiting.Count, 0, 5);
        Assert.All(waiting, c => Assert.True(UkTime.ToUkDate(c.DecidedAt!.Value) >= since, $"Contact {c.Id} decided on {c.DecidedAt} still waits for the LADO"));
    }

    private static async Task<TestServices> SeedAsync(DatabaseProvider provider)
    {
        var services = await TestServices.CreateAsync(provider, new FakeTimeProvider(Now));
        await services.Get<DemoSeeder>().SeedAsync("Testshire", Options, Ct);
        services.Db.ChangeTracker.Clear();
        return services;
    }
}
