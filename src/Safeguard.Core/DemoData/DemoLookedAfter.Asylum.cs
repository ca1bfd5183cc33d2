using Safeguard.LookedAfter;
using Safeguard.People;

namespace Safeguard.DemoData;

/// <summary>
/// The demo area's unaccompanied asylum-seeking children and previous permanence. About one child in twenty looked
/// after in a north-west borough is an unaccompanied asylum seeker (DfE's children looked after statistics: 9% in
/// England in 2024, fewer away from the ports, most placed through the National Transfer Scheme), nearly all boys of
/// 14 to 17 when they come into care; some are granted leave to remain before they are 18, the rest stay UASC until
/// their 18th birthday. The demo's are children still under 18 today. Every child whose latest period of care began on
/// or after 1 April 2016 has their previous permanence recorded (the SSDA903 return asks it of them, rule 630): most
/// had none (Z1), a few are not known (P4), and about one in twelve had left care or lived under a special guardianship
/// order, a child arrangements order or an adoption, mostly arranged by this authority (Bury, 351), with the order's
/// day or month sometimes not known. A separate random stream keeps the rest of the demo as it was.
/// </summary>
internal sealed partial class DemoLookedAfter
{
    /// <summary>The DfE code of the demo's own authority (Bury) and its neighbours, for LA_PERM.</summary>
    private static readonly string[] PermanenceAuthorities = ["351", "351", "351", "351", "350", "352", "353", "354", "355", "WAL"];

    public List<UascStatus> UascStatuses { get; } = [];

    public List<PreviousPermanence> Permanences { get; } = [];

    private void GenerateAsylumAndPermanence()
    {
        var random = new Random(_options.Seed + 43);
        var people = _population.People.Where(p => p.Kind == PersonKind.Child).ToDictionary(p => p.Id);
        var recordedAt = _now;
        foreach (var periodStart in Episodes.Where(e => e.ReasonForNewEpisode == LookedAfterCodes.Started).GroupBy(e => e.PersonId).OrderBy(g => g.Key))
        {
            var start = periodStart.Max(e => e.StartedOn);
            if (!people.TryGetValue(periodStart.Key, out var child) || child.DateOfBirth is not { } born)
            {
                continue;
            }

            var age = Age(born, start);
            var eighteen = born.AddYears(18);
            var asylumSeeker = age is >= 14 and <= 16 && eighteen > _today && random.NextDouble() < (child.Sex == "M" ? 0.3 : 0.03);
            if (asylumSeeker)
            {
                // A few are granted leave to remain while looked after, before their 18th birthday.
                var leave = start.AddDays(120 + random.Next(500));
                var granted = random.NextDouble() < 0.2 && leave < eighteen && leave < _today;
                UascStatuses.Add(new UascStatus
                {
                    Id = _ids.Next(),
                    PersonId = child.Id,
                    BecameOn = start,
                    CeasedOn = granted ? leave : null,
                    CeasedReason = granted ? "LEAVE" : null,
                    RecordedAt = recordedAt,
                    RecordedByName = _worker.Name,
                });
            }

            if (start < Ssda903ExportService.PermanenceAskedFrom)
            {
                continue;
            }

            var r = random.NextDouble();
            var option = asylumSeeker || start <= born.AddDays(60) ? "Z1" : r < 0.03 ? "P4" : r < 0.06 ? "P3" : r < 0.1 ? "P2" : r < 0.11 ? "P1" : "Z1";
            var record = new PreviousPermanence { Id = _ids.Next(), PersonId = child.Id, Option = option, RecordedAt = recordedAt, RecordedByName = _worker.Name };
            if (PreviousPermanence.IsOrder(option))
            {
                // The order was made between birth and the start of care, and at least a month before it.
                var span = Math.Max(1, start.DayNumber - born.DayNumber - 31);
                var ordered = born.AddDays(random.Next(span));
                record.LocalAuthority = PermanenceAuthorities[random.Next(PermanenceAuthorities.Length)];
                (record.OrderDay, record.OrderMonth, record.OrderYear) = random.NextDouble() switch
                {
                    < 0.7 => (ordered.Day, ordered.Month, ordered.Year),
                    < 0.9 => ((int?)null, (int?)ordered.Month, (int?)ordered.Year),
                    _ => (null, null, ordered.Year),
                };
            }

            Permanences.Add(record);
        }
    }
}
