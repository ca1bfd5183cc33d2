using Microsoft.EntityFrameworkCore;
using Safeguard.Common;
using Safeguard.Core.Tests.Interchange.Ssda903;
using Safeguard.Core.Tests.Journey;
using Safeguard.Interchange.Ssda903;
using Safeguard.LookedAfter;
using Safeguard.Persistence;
using Safeguard.Testing;

namespace Safeguard.Core.Tests.LookedAfter;

/// <summary>
/// A child's unaccompanied asylum-seeking status and previous permanence on both databases: checked against the child's
/// birth, 18th birthday and period of care, one of each a child with versions, audited; and the SSDA903 UASC and PrevPerm
/// tables into and out of them (all or nothing, idempotent, a corrected return changing what it corrects, the export
/// validating and importing back unchanged). The fixture's child was born on 10 May 2009 and has been looked after since
/// 8 January 2024; today is 23 November 2026.
/// </summary>
public class AsylumAndPermanenceTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    private static async Task<IReadOnlyList<(string Field, string Message)>> RefusedAsync(Func<Task> act) =>
        [.. (await Assert.ThrowsAsync<SafeguardValidationException>(act)).Problems.Select(p => (p.Field, p.Message))];

    private static Ssda903ImportOptions Options => new() { Collection = Ssda903Fixture.Collection };

    [Theory, ClassData(typeof(BothProviders))]
    public async Task The_asylum_seeking_status_ends_by_the_18th_birthday_is_one_a_child_with_versions_and_audited(DatabaseProvider provider)
    {
        await using var f = await CareLeaverTests.Fixture.CreateAsync(provider);
        var service = f.Journey.Services.Get<AsylumAndPermanenceService>();

        Assert.Equal([("BecameOn", "Enter the date the child became an unaccompanied asylum-seeking child")],
            await RefusedAsync(() => service.SaveUascAsync(f.ChildId, null, new UascDetails(), f.Worker, Ct)));
        Assert.Equal([("BecameOn", "The date the child became an unaccompanied asylum-seeking child must be today or in the past")],
            await RefusedAsync(() => service.SaveUascAsync(f.ChildId, null, new UascDetails { BecameOn = D(2026, 12, 1) }, f.Worker, Ct)));
        Assert.Equal(
            [("CeasedOn", "The date the status ceased must be on or after the date the child became an unaccompanied asylum-seeking child (8 January 2024)"),
             ("CeasedReason", "Select why the status ceased before the 18th birthday")],
            await RefusedAsync(() => service.SaveUascAsync(f.ChildId, null, new UascDetails { BecameOn = D(2024, 1, 8), CeasedOn = D(2023, 12, 1) }, f.Worker, Ct)));
        Assert.Equal([("CeasedOn", "Enter the date the status ceased, or leave the reason blank")],
            await RefusedAsync(() => service.SaveUascAsync(f.ChildId, null, new UascDetails { BecameOn = D(2024, 1, 8), CeasedReason = "LEAVE" }, f.Worker, Ct)));

        var recorded = await service.SaveUascAsync(f.ChildId, null, new UascDetails { BecameOn = D(2024, 1, 8) }, f.Worker, Ct);
        Assert.Equal(D(2027, 5, 10), recorded.DateCeased(D(2009, 5, 10)));

        // Someone else recorded it meanwhile: a second "new" status is a conflict, as is a change from an old version.
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => service.SaveUascAsync(f.ChildId, null, new UascDetails { BecameOn = D(2024, 1, 8) }, f.Worker, Ct));
        await service.SaveUascAsync(f.ChildId, 0, new UascDetails { BecameOn = D(2024, 1, 8), CeasedOn = D(2025, 6, 1), CeasedReason = "leave" }, f.Worker, Ct);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => service.SaveUascAsync(f.ChildId, 0, new UascDetails { BecameOn = D(2024, 1, 8) }, f.Worker, Ct));

        var (uasc, _) = await service.ForChildAsync(f.ChildId, f.Worker, Ct);
        Assert.Equal((D(2024, 1, 8), (DateOnly?)D(2025, 6, 1), "LEAVE", 1), (uasc!.BecameOn, uasc.CeasedOn, uasc.CeasedReason, uasc.Version));
        Assert.Equal(D(2025, 6, 1), uasc.DateCeased(D(2009, 5, 10)));
        Assert.Equal(["LookedAfter.ChangeUasc", "LookedAfter.RecordUasc"],
            (await f.Db.AuditEvents.Where(e => e.EntityType == nameof(UascStatus)).Select(e => e.Process).ToListAsync(Ct)).Distinct().Order(StringComparer.Ordinal));
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task Previous_permanence_takes_the_return_codes_and_a_partly_known_order_date_before_care_began(DatabaseProvider provider)
    {
        await using var f = await CareLeaverTests.Fixture.CreateAsync(provider);
        var service = f.Journey.Services.Get<AsylumAndPermanenceService>();

        Assert.Equal([("Option", "Select the child's previous permanence option")],
            await RefusedAsync(() => service.SavePermanenceAsync(f.ChildId, null, new PermanenceDetails(), f.Worker, Ct)));
        Assert.Equal([("LocalAuthority", "Leave the authority blank: there was no order, or it is not known whether there was one")],
            await RefusedAsync(() => service.SavePermanenceAsync(f.ChildId, null, new PermanenceDetails { Option = "Z1", LocalAuthority = "351" }, f.Worker, Ct)));
        Assert.Equal([("LocalAuthority", "999 is not a local authority code of the SSDA903 return (DfE's three-digit code, or WAL, SCO, NIR, NUK)")],
            await RefusedAsync(() => service.SavePermanenceAsync(f.ChildId, null, new PermanenceDetails { Option = "P2", LocalAuthority = "999" }, f.Worker, Ct)));
        Assert.Equal([("OrderDate", "The order must be before the child's period of care began (8 January 2024)")],
            await RefusedAsync(() => service.SavePermanenceAsync(f.ChildId, null, new PermanenceDetails { Option = "P2", OrderMonth = 2, OrderYear = 2024 }, f.Worker, Ct)));
        Assert.Equal([("OrderDate", "The date of the order must be a real date")],
            await RefusedAsync(() => service.SavePermanenceAsync(f.ChildId, null, new PermanenceDetails { Option = "P2", OrderDay = 30, OrderMonth = 2, OrderYear = 2020 }, f.Worker, Ct)));
        Assert.Equal([("OrderDate", "The date of the order must be after the child's birth")],
            await RefusedAsync(() => service.SavePermanenceAsync(f.ChildId, null, new PermanenceDetails { Option = "P2", OrderYear = 2008 }, f.Worker, Ct)));

        var recorded = await service.SavePermanenceAsync(f.ChildId, null, new PermanenceDetails { Option = "p2", LocalAuthority = "wal", OrderMonth = 5, OrderYear = 2019 }, f.Worker, Ct);
        Assert.Equal(("P2", "WAL", "ZZ/05/2019"), (recorded.Option, recorded.LocalAuthority, recorded.ReturnDate));
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => service.SavePermanenceAsync(f.ChildId, null, new PermanenceDetails { Option = "Z1" }, f.Worker, Ct));

        // Z1 has no order: a change to it keeps neither authority nor date.
        Assert.Equal([("OrderDate", "Leave the date of the order blank: there was no order, or it is not known whether there was one")],
            await RefusedAsync(() => service.SavePermanenceAsync(f.ChildId, 0, new PermanenceDetails { Option = "P4", OrderYear = 2019 }, f.Worker, Ct)));
        await service.SavePermanenceAsync(f.ChildId, 0, new PermanenceDetails { Option = "Z1" }, f.Worker, Ct);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => service.SavePermanenceAsync(f.ChildId, 0, new PermanenceDetails { Option = "P4" }, f.Worker, Ct));
        var (_, permanence) = await service.ForChildAsync(f.ChildId, f.Worker, Ct);
        Assert.Equal(("Z1", (string?)null, (string?)null, 1), (permanence!.Option, permanence.LocalAuthority, permanence.ReturnDate, permanence.Version));
        Assert.Equal(["LookedAfter.ChangePreviousPermanence", "LookedAfter.RecordPreviousPermanence"],
            (await f.Db.AuditEvents.Where(e => e.EntityType == nameof(PreviousPermanence)).Select(e => e.Process).ToListAsync(Ct)).Distinct().Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("ZZ/ZZ/ZZZZ", null, null, null)]
    [InlineData("ZZ/05/2019", null, 5, 2019)]
    [InlineData("zz/zz/2019", null, null, 2019)]
    [InlineData("03/11/2015", 3, 11, 2015)]
    public void The_return_date_of_an_order_reads_and_writes_ZZ_for_the_parts_not_known(string text, int? day, int? month, int? year)
    {
        Assert.True(PreviousPermanence.TryParseDate(text, out var date));
        Assert.Equal((day, month, year), date);
        Assert.Equal(text.ToUpperInvariant(), PreviousPermanence.FormatDate(day, month, year));
        Assert.False(PreviousPermanence.TryParseDate("31/02/2019", out _));
        Assert.False(PreviousPermanence.TryParseDate("2019", out _));
    }

    /// <summary>The return: C1 (in care since 1 March 2023) a UASC until 18 with previous permanence P3; C2 (since 20 May 2024) UASC until leave on 1 February 2025, no previous permanence.</summary>
    private static Ssda903Fixture Return()
    {
        var source = Ssda903Fixture.Valid();
        source.Add(Ssda903Table.Uasc);
        Ssda903Fixture.Set(source.Episode, ("HOME_POST", null));
        Ssda903Fixture.Set(source.Rows(Ssda903Table.PrevPerm)[0], ("PREV_PERM", "P3"), ("LA_PERM", "352"), ("DATE_PERM", "ZZ/ZZ/2019"));
        source.Add(Ssda903Table.Header, ("CHILD", "C2"), ("UPN", "A123456789099"));
        source.Add(Ssda903Table.Episodes, ("CHILD", "C2"), ("DECOM", "20/05/2024"), ("LS", "V2"), ("PLACE", "U1"), ("HOME_POST", null), ("PL_POST", "BL9 0EJ"));
        source.Add(Ssda903Table.Uasc, ("CHILD", "C2"), ("DUC", "01/02/2025"));
        source.Add(Ssda903Table.PrevPerm, ("CHILD", "C2"));
        source.Add(Ssda903Table.SocialWorker, ("CHILD", "C2"), ("SW_DECOM", "20/05/2024"));
        return source;
    }

    private static async Task<List<Ssda903File>> ExportAsync(Ssda903ExportService export, Safeguard.Auditing.Actor actor)
    {
        var tables = new Dictionary<Ssda903Table, StringWriter>();
        await export.ExportAsync(t => tables.TryGetValue(t, out var w) ? w : tables[t] = new StringWriter(), Ssda903Fixture.Collection, actor, Ct);
        return [.. tables.Select(t => new Ssda903File(Ssda903ExportService.FileName(t.Key), () => new MemoryStream(System.Text.Encoding.UTF8.GetBytes(t.Value.ToString())), false))];
    }

    private static string[] Lines(List<Ssda903File> files, Ssda903Table table)
    {
        using var reader = new StreamReader(files.Single(f => f.Name == Ssda903ExportService.FileName(table)).Open());
        return reader.ReadToEnd().Split(["\r\n", "\n"], StringSplitOptions.RemoveEmptyEntries);
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task The_UASC_and_PrevPerm_tables_import_into_the_records_export_back_and_import_again_unchanged(DatabaseProvider provider)
    {
        await using var journey = await JourneyFixture.CreateAsync(provider);
        var db = journey.Services.Db;
        var import = journey.Services.Get<Ssda903ImportService>();
        var source = Return();
        Assert.Empty(source.Validate().Select(i => $"{i.Rule} {i.Table} {i.Line}: {i.Message}"));

        // A DATE_PERM that is not a date refuses the return whole, naming the table, line and field.
        var bad = Return();
        Ssda903Fixture.Set(bad.Rows(Ssda903Table.PrevPerm)[1], ("PREV_PERM", "P2"), ("DATE_PERM", "2019"));
        var refused = await Assert.ThrowsAsync<SafeguardValidationException>(() => import.ImportAsync([.. bad.Files()], Options, journey.Worker, Ct));
        Assert.Contains(refused.Problems, p => p.Field == "PrevPerm line 3" && p.Message.StartsWith("632 (child C2)", StringComparison.Ordinal) && p.Message.Contains("DATE_PERM", StringComparison.Ordinal));
        Assert.False(await db.Set<UascStatus>().AnyAsync(Ct) || await db.Set<PreviousPermanence>().AnyAsync(Ct));

        var first = await import.ImportAsync([.. source.Files()], Options, journey.Worker, Ct);
        Assert.Equal((2, 0, 0), (first.Tallies[Ssda903RecordKind.UascStatus].Created, first.Tallies[Ssda903RecordKind.UascStatus].Changed, first.Tallies[Ssda903RecordKind.UascStatus].Unchanged));
        Assert.Equal((2, 0, 0), (first.Tallies[Ssda903RecordKind.PreviousPermanence].Created, first.Tallies[Ssda903RecordKind.PreviousPermanence].Changed, first.Tallies[Ssda903RecordKind.PreviousPermanence].Unchanged));
        Assert.DoesNotContain(first.NotImported, n => n.Table is "UASC" or "PrevPerm");
        var statuses = await db.Set<UascStatus>().AsNoTracking().Join(db.People, u => u.PersonId, p => p.Id, (u, p) => new { p.CouncilChildId, u.BecameOn, u.CeasedOn }).OrderBy(u => u.CouncilChildId).ToListAsync(Ct);
        Assert.Equal([("C1", (DateOnly?)null, (DateOnly?)null), ("C2", null, D(2025, 2, 1))], statuses.Select(s => (s.CouncilChildId!, s.BecameOn, s.CeasedOn)));
        var permanence = await db.Set<PreviousPermanence>().AsNoTracking().Join(db.People, u => u.PersonId, p => p.Id, (u, p) => new { p.CouncilChildId, u.Option, u.LocalAuthority, u.OrderYear, u.OrderMonth }).OrderBy(u => u.CouncilChildId).ToListAsync(Ct);
        Assert.Equal([("C1", "P3", "352", (int?)2019, (int?)null), ("C2", "Z1", null, null, null)], permanence.Select(p => (p.CouncilChildId!, p.Option, p.LocalAuthority, p.OrderYear, p.OrderMonth)));

        var events = await db.AuditEvents.CountAsync(Ct);
        var again = await import.ImportAsync([.. source.Files()], Options, journey.Worker, Ct);
        Assert.Equal((0, 0, 2), (again.Tallies[Ssda903RecordKind.UascStatus].Created, again.Tallies[Ssda903RecordKind.UascStatus].Changed, again.Tallies[Ssda903RecordKind.UascStatus].Unchanged));
        Assert.Equal((0, 0, 2), (again.Tallies[Ssda903RecordKind.PreviousPermanence].Created, again.Tallies[Ssda903RecordKind.PreviousPermanence].Changed, again.Tallies[Ssda903RecordKind.PreviousPermanence].Unchanged));
        Assert.Equal(events, await db.AuditEvents.CountAsync(Ct));

        // The export writes DUC as the date the status ceased or ceases (C1's 18th birthday, blank in the return), validates,
        // and imported back changes nothing. A home postcode recorded for a UASC child is not written (DfE derives no
        // distance for them: rule 406).
        await db.Set<CareEpisode>().Where(e => e.StartedOn == D(2023, 3, 1)).ExecuteUpdateAsync(s => s.SetProperty(e => e.HomePostcode, "M1 1AA"), Ct);
        var exported = await ExportAsync(journey.Services.Get<Ssda903ExportService>(), journey.Worker);
        Assert.Equal(["CHILD,SEX,DOB,DUC", "C1,1,15/06/2012,15/06/2030", "C2,1,15/06/2012,01/02/2025"], Lines(exported, Ssda903Table.Uasc));
        Assert.Equal(["CHILD,DOB,PREV_PERM,LA_PERM,DATE_PERM", "C1,15/06/2012,P3,352,ZZ/ZZ/2019", "C2,15/06/2012,Z1,,"], Lines(exported, Ssda903Table.PrevPerm));
        Assert.StartsWith("C1,01/03/2023,S,C2,N1,U1,PR1,,,,,M2 2BB,", Lines(exported, Ssda903Table.Episodes)[1], StringComparison.Ordinal);
        Assert.Empty(Ssda903Validator.Validate(exported, Ssda903Fixture.Collection).Issues.Where(i => i.Table is "UASC" or "PrevPerm" || i.Rule == "406").Select(i => $"{i.Rule} {i.Table} {i.Line}: {i.Message}"));
        // Read back without the social worker episodes: these children have no allocation to a named worker, so with the
        // table SW01 would refuse the return (Ssda903SwEpisodesTests covers it).
        var back = await import.ImportAsync([.. exported.Where(f => f.Name != Ssda903ExportService.FileName(Ssda903Table.SocialWorker))], Options, journey.Worker, Ct);
        Assert.Equal(0, back.Tallies[Ssda903RecordKind.UascStatus].Changed + back.Tallies[Ssda903RecordKind.PreviousPermanence].Changed);

        // A corrected return changes what it corrects: C1's status ceased early, C2's previous permanence was an order.
        Ssda903Fixture.Set(source.Rows(Ssda903Table.Uasc)[0], ("DUC", "01/03/2025"));
        Ssda903Fixture.Set(source.Rows(Ssda903Table.PrevPerm)[1], ("PREV_PERM", "P2"), ("LA_PERM", "351"), ("DATE_PERM", "ZZ/04/2020"));
        var corrected = await import.ImportAsync([.. source.Files()], Options, journey.Worker, Ct);
        Assert.Equal((0, 1, 1), (corrected.Tallies[Ssda903RecordKind.UascStatus].Created, corrected.Tallies[Ssda903RecordKind.UascStatus].Changed, corrected.Tallies[Ssda903RecordKind.UascStatus].Unchanged));
        Assert.Equal((0, 1, 1), (corrected.Tallies[Ssda903RecordKind.PreviousPermanence].Created, corrected.Tallies[Ssda903RecordKind.PreviousPermanence].Changed, corrected.Tallies[Ssda903RecordKind.PreviousPermanence].Unchanged));
        exported = await ExportAsync(journey.Services.Get<Ssda903ExportService>(), journey.Worker);
        Assert.Equal(["CHILD,SEX,DOB,DUC", "C1,1,15/06/2012,01/03/2025", "C2,1,15/06/2012,01/02/2025"], Lines(exported, Ssda903Table.Uasc));
        Assert.Equal(["CHILD,DOB,PREV_PERM,LA_PERM,DATE_PERM", "C1,15/06/2012,P3,352,ZZ/ZZ/2019", "C2,15/06/2012,P2,351,ZZ/04/2020"], Lines(exported, Ssda903Table.PrevPerm));
    }
}
