using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Safeguard.Auditing;
using Safeguard.Common;
using Safeguard.Identity;
using Safeguard.Organisations;
using Safeguard.Persistence;

namespace Safeguard.DemoData;

/// <summary>
/// Demo data for trying Safeguard out: the partnership's agencies and teams and one user per role, each
/// already enrolled for two-factor authentication. The demo password and authenticator secrets are fixed
/// and printed, so they must never be used on a real deployment (the web app seeds only when
/// <c>Demo:SeedOnFirstStart</c> is true).
/// </summary>
public sealed class DemoSeeder(SafeguardDbContext db, UserAdministration userAdministration, Calendar.CalendarAdministration calendar, ComplexSafeguarding.PanelService panels)
{
    public const string DemoPassword = "demo-password-safeguard";

    /// <summary>Told what the seeding is doing as it goes (start-up and <c>seed demo</c> print it), so a long first start does not look hung.</summary>
    public IProgress<string>? Progress { get; set; }

    public static IReadOnlyList<DemoUser> Users { get; } =
    [
        new("admin", "Alex Admin", "CSC", null, Roles.Administrator),
        new("business.unit", "Bea Business", "SP", null, Roles.BusinessUnit),
        new("front.door", "Farah Frontdoor", "CSC", "Multi-Agency Safeguarding Hub", Roles.FrontDoorPractitioner),
        new("social.worker", "Sam Social", "CSC", "Assessment Team", Roles.SocialWorker),
        new("team.manager", "Tariq Manager", "CSC", "Assessment Team", Roles.TeamManager),
        new("partner", "Pat Police", "POLICE", "Public Protection Unit", Roles.PartnerPractitioner),
        new("scrutiny", "Sol Scrutineer", "SP", null, Roles.Scrutiny),
        new("partner.la", "Lee Council", "CSC", null, Roles.CaseReviewGroup),
        new("partner.health", "Hana Health", "ICB", "Designated Safeguarding Professionals", Roles.CaseReviewGroup),
        new("partner.police", "Piers Police", "POLICE", "Public Protection Unit", Roles.CaseReviewGroup),
        new("review.member", "Nia Nurse", "HOSP", "Safeguarding Team", Roles.CaseReviewGroup),
        new("data.council", "Dee Data", "CSC", null, Roles.AgencyDataLead),
        new("data.police", "Dev Data", "POLICE", null, Roles.AgencyDataLead),
        new("performance", "Pru Performance", "CSC", null, Roles.PerformanceOfficer),
        new("info.governance", "Ida Governance", "CSC", null, Roles.InformationGovernance),
        new("early.help", "Ellie Early", "EHE", "Early Help Hub", Roles.EarlyHelpCoordinator),
        new("school", "Sid School", "SCHOOLS", null, Roles.PartnerPractitioner),
        new("lado", "Lou Lado", "CSC", null, Roles.Lado),
    ];

    public static IReadOnlyList<(string Code, string Name, AgencyType Type, StatutoryPartner? Partner, string[] Teams)> Agencies { get; } =
    [
        ("CSC", "Council Children's Social Care", AgencyType.ChildrensSocialCare, StatutoryPartner.LocalAuthority,
            ["Multi-Agency Safeguarding Hub", "Assessment Team", "Child Protection Team", "Children Looked After Team", "Complex Safeguarding Team"]),
        ("POLICE", "Police", AgencyType.Police, StatutoryPartner.Police, ["Public Protection Unit"]),
        ("ICB", "Integrated Care Board", AgencyType.HealthCommissioner, StatutoryPartner.Health, ["Designated Safeguarding Professionals"]),
        ("HOSP", "Hospitals NHS Foundation Trust", AgencyType.HealthProvider, null, ["Safeguarding Team"]),
        ("SCHOOLS", "Schools", AgencyType.School, null, []),
        ("VCS", "Family Support Charity", AgencyType.VoluntarySector, null, []),
        ("EHE", "Council Early Help and Education", AgencyType.LocalAuthorityOther, null, ["Early Help Hub"]),
        ("SP", "Safeguarding Partnership Business Unit", AgencyType.LocalAuthorityOther, null, []),
    ];

    /// <summary>A demo user's authenticator secret, derived from the user name so it is the same on every machine.</summary>
    public static string AuthenticatorSecretFor(string userName) =>
        Totp.Base32Encode(SHA256.HashData(Encoding.UTF8.GetBytes("safeguard-demo:" + userName)).AsSpan(0, 20));

    /// <summary>Every demo user is there (a database seeded by an earlier version gains the new ones on the next start).</summary>
    public async Task<bool> IsSeededAsync(CancellationToken cancellationToken = default)
    {
        var names = Users.Select(u => u.UserName).ToList();
        return await db.Users.CountAsync(u => names.Contains(u.UserName!), cancellationToken) == names.Count;
    }

    /// <summary>Adds whatever of the demo data is missing; running it again changes nothing.</summary>
    public Task<DemoSeedResult> SeedAsync(string areaName, CancellationToken cancellationToken = default) =>
        SeedAsync(areaName, DemoOptions.Default, cancellationToken);

    /// <summary>
    /// Adds whatever of the demo data is missing: agencies, users and case reviews, and (when the person index is
    /// empty) the area's children and families with <paramref name="options"/>' years of activity, all written
    /// in one transaction with bulk inserts. Running it again changes nothing.
    /// </summary>
    public async Task<DemoSeedResult> SeedAsync(string areaName, DemoOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Checked();
        await RoleSetup.SyncAsync(db, cancellationToken);
        var actor = Actor.System("demo data");
        var agenciesAdded = 0;
        using (db.BeginProcess("Demo.Seed", actor))
        {
            var existing = await db.Agencies.Include(a => a.Teams).ToListAsync(cancellationToken);
            foreach (var (code, name, type, partner, teams) in Agencies)
            {
                var agency = existing.FirstOrDefault(a => a.Code == code);
                if (agency is null)
                {
                    agency = new Agency { Code = code, Name = $"{areaName} {name}", Type = type, StatutoryPartner = partner };
                    db.Agencies.Add(agency);
                    agenciesAdded++;
                }

                foreach (var team in teams.Where(t => agency.Teams.All(x => x.Name != t)))
                {
                    agency.Teams.Add(new Team { Name = team, AgencyId = agency.Id });
                }
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        var usersAdded = 0;
        foreach (var demo in Users)
        {
            if (await db.Users.AnyAsync(u => u.UserName == demo.UserName, cancellationToken))
            {
                continue;
            }

            await userAdministration.CreateAsync(
                new NewUser(demo.UserName, demo.DisplayName, $"{demo.UserName}@demo.safeguard.invalid", demo.AgencyCode, [demo.Role], DemoPassword, demo.TeamName, AuthenticatorSecretFor(demo.UserName)),
                actor,
                cancellationToken);
            usersAdded++;
        }

        // The Social Work England numbers of the demo's staff who hold casework (the SSDA903 return's SW_ID).
        foreach (var (name, number) in DemoSocialWorkers.Numbers)
        {
            if (await db.Users.FirstOrDefaultAsync(u => u.UserName == name, cancellationToken) is { SocialWorkEnglandNumber: null } staff)
            {
                using (db.BeginProcess("Demo.SocialWorkEnglandNumbers", actor))
                {
                    staff.SocialWorkEnglandNumber = number;
                    await db.SaveChangesAsync(cancellationToken);
                }
            }
        }

        Progress?.Report($"Demo: {agenciesAdded} agencies and {usersAdded} users added");
        var reviewsAdded = await DemoCaseReviews.SeedAsync(db, actor, cancellationToken);
        var area = await DemoAreaAsync(options, actor, cancellationToken);
        await Dataset.IndicatorCatalogue.SyncAsync(db, cancellationToken);
        await DemoDataset.SeedAsync(db, actor, options.Activity ? options.Children : null, cancellationToken);
        // The partnership's improvement plan: seven outcomes, workstreams led by partner agencies' staff, quarterly
        // ratings. Before the boards, whose business plan priorities name its workstreams.
        await DemoImprovementPlan.SeedAsync(db, actor, cancellationToken);
        if (options.Activity)
        {
            // Targets and averages to compare the generated area's computed figures with.
            await DemoBenchmarks.SeedAsync(db, actor, ReportingYear.Of(DemoCasework.HistoryStart(Calendar.UkTime.ToUkDate(db.Time.GetUtcNow()))), cancellationToken);
            if (area.Children > 0)
            {
                // The exploitation and missing panel's recent meetings, over the area's missing and exploitation records.
                await DemoPanels.SeedAsync(db, panels, actor, cancellationToken);

                // The year's multi-agency audits, sampling children referred this year.
                await DemoAssurance.SeedAsync(db, actor, cancellationToken);
            }

            // Three years of section 11 and section 175 self-assessment, with the area's schools.
            await DemoSelfAssessments.SeedAsync(db, actor, cancellationToken);

            // Two years of the multi-agency training programme: sessions, bookings across agencies, evaluations and follow-ups.
            await DemoTraining.SeedAsync(db, actor, cancellationToken);
            // Three years of professional disagreements between agencies, most resolved at stage 1 or 2.
            await DemoEscalations.SeedAsync(db, actor, cancellationToken);

            // Two years of the partnership's boards and subgroups meeting, with attendance that drifts for some agencies.
            await DemoGovernance.SeedAsync(db, actor, cancellationToken);

            // Three years of feedback from children and families, and of the partnership's contributions and expenditure, for the annual report.
            await DemoAnnualReport.SeedAsync(db, actor, cancellationToken);
        }

        return new DemoSeedResult(agenciesAdded, usersAdded, reviewsAdded, area.Children, area.Contacts, area.Referrals);
    }

    /// <summary>The area's people and activity, generated in memory and bulk-inserted in one transaction; nothing when the index holds people.</summary>
    private async Task<(int Children, int Contacts, int Referrals)> DemoAreaAsync(DemoOptions options, Actor actor, CancellationToken cancellationToken)
    {
        if (await db.People.AnyAsync(cancellationToken))
        {
            return (0, 0, 0);
        }

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var now = db.Time.GetUtcNow();
        var today = Calendar.UkTime.ToUkDate(now);
        var ids = new DemoIds(options.Seed, now);
        Progress?.Report($"Demo: generating an area of {options.Children:N0} children and their families (scale {options.Scale.ToString(System.Globalization.CultureInfo.InvariantCulture)}, seed {options.Seed})");
        var population = DemoPeople.Generate(options.Children, options.Seed, today, ids, now);
        DemoCasework? casework = null;
        DemoComplexSafeguarding? complex = null;
        DemoLookedAfter? lookedAfter = null;
        DemoCareLeavers? careLeavers = null;
        DemoPrivateFostering? privateFostering = null;
        DemoEarlyHelp? earlyHelp = null;
        DemoLado? lado = null;
        if (options.Activity)
        {
            var agencies = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Code, a => a.Id, cancellationToken);
            var thresholds = (await db.ThresholdLevels.AsNoTracking().Where(l => l.IsActive).ToListAsync(cancellationToken))
                .GroupBy(l => l.Level).ToDictionary(g => g.Key, g => g.First().Id);
            var teams = await db.Teams.AsNoTracking().Where(t => t.Agency!.Code == "CSC").ToDictionaryAsync(t => t.Name, t => t.Id, cancellationToken);
            var worker = await db.Users.AsNoTracking().Where(u => u.UserName == "social.worker").Select(u => (Guid?)u.Id).FirstOrDefaultAsync(cancellationToken);
            casework = new DemoCasework(
                options, ids, await calendar.CalendarAsync(cancellationToken), await calendar.DeadlinesAsync(cancellationToken), now, population,
                agencies, thresholds, new DemoTeams(teams["Assessment Team"], teams["Child Protection Team"], worker));
            Progress?.Report("Demo: generating their contacts and casework since " + DemoCasework.HistoryStart(today).ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB")));
            casework.Generate();
            var staff = await StaffAsync(cancellationToken);
            complex = new DemoComplexSafeguarding(options, ids, now, population, agencies["POLICE"], staff);
            complex.Generate();
            var generating = clock.Elapsed;
            lookedAfter = new DemoLookedAfter(options, ids, await calendar.DeadlinesAsync(cancellationToken), now, population, casework, complex, staff);
            lookedAfter.Generate();
            careLeavers = new DemoCareLeavers(options, ids, now, staff);
            careLeavers.Generate(population.People, lookedAfter.Episodes);
            privateFostering = new DemoPrivateFostering(options, ids, now, population, lookedAfter.Episodes.Select(e => e.PersonId).ToHashSet(), staff.SocialWorker);
            privateFostering.Generate();
            Progress?.Report($"Demo: looked-after children generated in {(clock.Elapsed - generating).TotalSeconds:N1} s");
            var earlyHelpStaff = await db.Users.AsNoTracking().Where(u => u.UserName == "early.help" || u.UserName == "school").ToDictionaryAsync(u => u.UserName!, u => new DemoStaff(u.Id, u.DisplayName), cancellationToken);
            earlyHelp = new DemoEarlyHelp(options, ids, now, population, casework, agencies, earlyHelpStaff["early.help"], earlyHelpStaff["school"]);
            earlyHelp.Generate();
            var ladoUser = await db.Users.AsNoTracking().Where(u => u.UserName == "lado").Select(u => new DemoStaff(u.Id, u.DisplayName)).FirstOrDefaultAsync(cancellationToken);
            lado = new DemoLado(options, ids, await calendar.CalendarAsync(cancellationToken), now, population, agencies, ladoUser, casework);
            lado.Generate();

            // The looked-after children's social workers, for the SSDA903 return's social worker episodes (docs/adr/0087).
            var caseworkers = await db.Users.AsNoTracking().Where(u => u.UserName == "social.worker" || u.UserName == "team.manager").OrderBy(u => u.UserName).Select(u => u.Id).ToArrayAsync(cancellationToken);
            new DemoSocialWorkers(options, ids, today, casework, lookedAfter.Episodes, teams["Assessment Team"], caseworkers).Generate();
        }

        Progress?.Report($"Demo: generated {population.Children:N0} children, {casework?.Contacts.Count ?? 0:N0} contacts and {casework?.Episodes.Count ?? 0:N0} referrals in {clock.Elapsed.TotalSeconds:N0} s; writing them to the database");

        var detail = $"Demo area: scale {options.Scale.ToString(System.Globalization.CultureInfo.InvariantCulture)}, seed {options.Seed}";
        using var process = db.BeginProcess("Demo.SeedArea", actor);
        await using var transaction = await db.BeginWriteTransactionAsync(cancellationToken);
        await population.WriteAsync(db, detail, cancellationToken);
        if (casework is not null)
        {
            await casework.WriteAsync(db, detail, cancellationToken);
        }

        if (complex is not null)
        {
            var written = clock.Elapsed;
            await complex.WriteAsync(db, detail, cancellationToken);
            Progress?.Report($"Demo: {complex.Episodes.Count:N0} missing episodes, {complex.Interviews.Count:N0} return interviews, {complex.Screenings.Count:N0} exploitation screenings and their work written in {(clock.Elapsed - written).TotalSeconds:N1} s");
        }

        if (lookedAfter is not null)
        {
            var written = clock.Elapsed;
            await lookedAfter.WriteAsync(db, detail, cancellationToken);
            Progress?.Report($"Demo: {lookedAfter.LookedAfterToday:N0} children looked after today, {lookedAfter.Episodes.Count:N0} care episodes, {lookedAfter.Reviews.Count:N0} looked-after reviews and {lookedAfter.HealthChecks.Count:N0} health checks written in {(clock.Elapsed - written).TotalSeconds:N1} s");
        }

        if (careLeavers is not null)
        {
            await careLeavers.WriteAsync(db, detail, cancellationToken);
            Progress?.Report($"Demo: {careLeavers.CareLeavers.Count:N0} care leavers with {careLeavers.Plans.Count:N0} pathway plans and reviews and {careLeavers.Contacts.Count:N0} birthday records");
        }

        if (privateFostering is not null)
        {
            await privateFostering.WriteAsync(db, detail, cancellationToken);
            Progress?.Report($"Demo: {privateFostering.Arrangements.Count:N0} private fostering arrangements and {privateFostering.Visits.Count:N0} visits written");
        }

        if (earlyHelp is not null)
        {
            var written = clock.Elapsed;
            await earlyHelp.WriteAsync(db, detail, cancellationToken);
            Progress?.Report($"Demo: {earlyHelp.Episodes.Count:N0} early help episodes ({earlyHelp.OpenToday:N0} open today), {earlyHelp.Reviews.Count:N0} team around the family reviews written in {(clock.Elapsed - written).TotalSeconds:N1} s");
        }

        if (lado is not null)
        {
            await lado.WriteAsync(db, detail, cancellationToken);
            Progress?.Report($"Demo: {lado.Allegations.Count:N0} allegations referred to the LADO written");
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        Progress?.Report($"Demo: area written in {clock.Elapsed.TotalSeconds:N0} s in all");
        return (population.Children, casework?.Contacts.Count ?? 0, casework?.Episodes.Count ?? 0);
    }

    private async Task<DemoUsers> StaffAsync(CancellationToken cancellationToken)
    {
        var names = new[] { "front.door", "partner", "social.worker", "team.manager" };
        var users = await db.Users.AsNoTracking().Where(u => names.Contains(u.UserName!)).ToDictionaryAsync(u => u.UserName!, u => new DemoStaff(u.Id, u.DisplayName), cancellationToken);
        return new DemoUsers(users["front.door"], users["partner"], users["social.worker"], users["team.manager"]);
    }

    /// <summary>The text printed at start-up and by <c>safeguard seed demo</c>.</summary>
    public static string SignInSheet(string url)
    {
        var text = new StringBuilder();
        text.AppendLine("Demo sign-ins (demo data only: never use these on a real deployment)");
        text.AppendLine($"  Sign in at {url} with password '{DemoPassword}' and the code from an authenticator app");
        text.AppendLine("  holding the user's secret (or run: safeguard users totp <user name>, for demo users only).");
        foreach (var user in Users)
        {
            text.AppendLine($"  {user.UserName,-15} {user.Role,-22} secret {AuthenticatorSecretFor(user.UserName)}");
        }

        return text.ToString();
    }
}

public sealed record DemoUser(string UserName, string DisplayName, string AgencyCode, string? TeamName, string Role);

public sealed record DemoSeedResult(int AgenciesAdded, int UsersAdded, int ReviewsAdded = 0, int ChildrenAdded = 0, int ContactsAdded = 0, int ReferralsAdded = 0);
