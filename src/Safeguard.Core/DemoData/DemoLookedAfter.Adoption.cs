using Safeguard.LookedAfter;
using Safeguard.People;

namespace Safeguard.DemoData;

/// <summary>
/// The demo area's adoptions, at a Bury-sized area's rates (DfE's children looked after statistics: an area of about
/// 340 children in care sees about 12 adoption orders a year and some 20 children with a decision that they should be
/// placed for adoption): for each collection year (April to March) of the last five, adoption orders (the child came
/// into care young under an interim care order, the agency decision maker decided they should be placed, a placement
/// order was made, they were matched and placed with their adopters, then adopted), decisions reversed before a
/// placement order (the child stays in care), and in the last year the children still on the way (decided, under a
/// placement order, matched or placed). Each step is an episode of care as the SSDA903 return writes it (E1 from the
/// placement order, A5 or A6 from the placement, E11 or E12 when adopted) and the decision holds the dates, so the
/// return's PlacedAdoption and AD1 tables validate. A separate random stream keeps the rest of the demo as it was.
/// </summary>
internal sealed partial class DemoLookedAfter
{
    private const double AdoptionOrdersPerYear = 12;
    private const double ReversedPerYear = 3;
    private const double UnderwayNow = 6;

    private static readonly (string Number, string Sex, string Legal)[] Adopters =
        [("2", "MF", "L11"), ("2", "MF", "L11"), ("2", "MF", "L11"), ("2", "MF", "L3"), ("1", "F1", "L0"), ("2", "FF", "L12"), ("2", "MM", "L2"), ("2", "FF", "L4"), ("1", "M1", "L0")];

    private static readonly string[] ReversalReasons = ["RD1", "RD1", "RD2", "RD3", "RD4"];

    public List<AdoptionDecision> AdoptionDecisions { get; } = [];

    private void GenerateAdoptions(Dictionary<Guid, Person> children)
    {
        var random = new Random(_options.Seed + 41);
        var candidates = children.Values.Where(p => !_used.Contains(p.Id)).OrderBy(p => p.Id).ToList();
        for (var i = candidates.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (candidates[i], candidates[j]) = (candidates[j], candidates[i]);
        }

        Person? Young(DateOnly start)
        {
            var found = candidates.Find(p => !_used.Contains(p.Id) && p.DateOfBirth is { } born && born < start.AddDays(-14) && born > start.AddYears(-4));
            if (found is not null)
            {
                _used.Add(found.Id);
            }

            return found;
        }

        // At least one adoption order a year however small the demo, so each year's return has its AD1.
        int AtLeastOne(double perYear) => Math.Max(1, (int)Math.Round(perYear * _options.Scale));
        int Count(double perYear) => (int)Math.Round(perYear * _options.Scale);

        var firstYear = (_today.Month >= 4 ? _today.Year : _today.Year - 1) - 5;
        for (var year = firstYear; year <= firstYear + 5; year++)
        {
            var from = new DateOnly(year, 4, 1);
            var days = Math.Min(365, _today.DayNumber - from.DayNumber - 1);
            if (days < 30)
            {
                continue;
            }

            for (var n = 0; n < AtLeastOne(AdoptionOrdersPerYear * days / 365.0); n++)
            {
                var order = from.AddDays(random.Next(days));
                var placed = order.AddDays(-(70 + random.Next(230)));
                var matched = placed.AddDays(-(7 + random.Next(24)));
                var placementOrder = matched.AddDays(-(30 + random.Next(120)));
                var decided = placementOrder.AddDays(-(30 + random.Next(90)));
                var start = decided.AddDays(-(90 + random.Next(150)));
                if (Young(start) is { } child)
                {
                    AddAdoption(random, child, start, decided, placementOrder, matched, placed, order, null);
                }
            }

            if (year > firstYear)
            {
                for (var n = 0; n < Count(ReversedPerYear * days / 365.0); n++)
                {
                    var decided = from.AddDays(random.Next(days));
                    var reversed = decided.AddDays(60 + random.Next(140));
                    var start = decided.AddDays(-(90 + random.Next(150)));
                    if (reversed < _today && Young(start) is { } child)
                    {
                        AddAdoption(random, child, start, decided, null, null, null, null, reversed);
                    }
                }
            }
        }

        // Children on the way now: decided in the last year, each step taken so far.
        for (var n = 0; n < Count(UnderwayNow); n++)
        {
            var decided = _today.AddDays(-(10 + random.Next(355)));
            DateOnly? placementOrder = decided.AddDays(30 + random.Next(90));
            DateOnly? matched = placementOrder.Value.AddDays(30 + random.Next(120));
            DateOnly? placed = matched.Value.AddDays(7 + random.Next(24));
            placementOrder = placementOrder < _today ? placementOrder : null;
            matched = placementOrder is not null && matched < _today ? matched : null;
            placed = matched is not null && placed < _today ? placed : null;
            var start = decided.AddDays(-(90 + random.Next(150)));
            if (Young(start) is { } child)
            {
                AddAdoption(random, child, start, decided, placementOrder, matched, placed, null, null);
            }
        }
    }

    /// <summary>A period of care from <paramref name="start"/> with its adoption decision and the steps given (null: not taken).</summary>
    private void AddAdoption(
        Random random, Person child, DateOnly start, DateOnly decided, DateOnly? placementOrder, DateOnly? matched, DateOnly? placed, DateOnly? adopted, DateOnly? reversed)
    {
        var iro = _iros[random.Next(_iros.Length)];
        var fosterPlace = random.NextDouble() < 0.5 ? "U3" : "U4";
        var fosterPostcode = LocalPostcodes[random.Next(LocalPostcodes.Length)];
        var episodes = new List<CareEpisode> { Episode(child, start, LookedAfterCodes.Started, "C1", "N1", fosterPlace, "PR1", fosterPostcode, iro) };
        void Next(DateOnly on, string rne, string legal, string place, string provider, string postcode, string? why)
        {
            var current = episodes[^1];
            current.EndedOn = on;
            current.ReasonEpisodeCeased = LookedAfterCodes.NextEpisodeFollows;
            current.ReasonPlacementChanged = why;
            episodes.Add(Episode(child, on, rne, legal, "N1", place, provider, postcode, iro));
        }

        var byFosterCarers = random.NextDouble() < 0.15;
        if (placementOrder is { } ordered)
        {
            Next(ordered, "L", "E1", fosterPlace, "PR1", fosterPostcode, null);
        }
        else if (reversed is { } stopped)
        {
            // The plan changed: a full care order, the child staying in foster care.
            Next(stopped.AddDays(20 + random.Next(60)) is var order && order < _today ? order : stopped, "L", "C2", fosterPlace, "PR1", fosterPostcode, null);
        }

        if (placed is { } on)
        {
            if (byFosterCarers)
            {
                Next(on, "T", "E1", "A5", "PR1", fosterPostcode, "CARPL");
            }
            else
            {
                Next(on, "P", "E1", "A6", random.NextDouble() < 0.7 ? "PR1" : "PR4", AwayPostcodes[random.Next(AwayPostcodes.Length)], "CARPL");
            }
        }

        if (adopted is { } order2)
        {
            episodes[^1].EndedOn = order2;
            episodes[^1].ReasonEpisodeCeased = random.NextDouble() < 0.85 ? "E11" : "E12";
        }

        episodes.RemoveAll(e => e.StartedOn >= _today);
        if (episodes[^1].EndedOn is { } last && last >= _today)
        {
            episodes[^1].EndedOn = null;
            episodes[^1].ReasonEpisodeCeased = null;
            episodes[^1].ReasonPlacementChanged = null;
        }

        HomeAndUrns(episodes);
        Episodes.AddRange(episodes);
        AddReviews(child, start, adopted ?? _today, iro);
        AddHealthChecks(child, start, adopted ?? _today);
        var (number, sex, legalStatus) = Adopters[random.Next(Adopters.Length)];
        AdoptionDecisions.Add(new AdoptionDecision
        {
            Id = _ids.Next(),
            PersonId = child.Id,
            DecidedOn = decided,
            PlacementOrderOn = placementOrder,
            MatchedOn = matched,
            PlacedOn = placed,
            AdoptionOrderOn = adopted,
            NoLongerPlacedOn = reversed,
            ReasonNoLongerPlaced = reversed is null ? null : ReversalReasons[random.Next(ReversalReasons.Length)],
            AdoptedByFosterCarers = adopted is null ? null : byFosterCarers ? "1" : "0",
            NumberOfAdopters = adopted is null ? null : number,
            SexOfAdopters = adopted is null ? null : sex,
            LegalStatusOfAdopters = adopted is null ? null : legalStatus,
            RecordedAt = Recorded(decided),
            RecordedByName = _worker.Name,
        });
    }
}
