using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Safeguard.Auditing;
using Safeguard.Calendar;
using Safeguard.ComplexSafeguarding;
using Safeguard.Interchange.Ssda903;
using Safeguard.Organisations;
using Safeguard.People;
using Safeguard.Persistence;

namespace Safeguard.LookedAfter;

/// <summary>
/// The import of the return's tables into the records: Episodes and Reviews (ADR 0043), PlacedAdoption, AD1 and Missing
/// (ADR 0085) and OC3 (ADR 0086): decisions to place for adoption are
/// matched by their date (DATE_PLACED, and AD1's DATE_INT), missing periods by the day they started (MIS_START).
/// </summary>
public sealed partial class Ssda903ImportService
{
    /// <summary>Who reported a missing period taken from the return: the return names no one.</summary>
    public const string MissingReporterNotRecorded = "Not recorded (SSDA903 return)";

    /// <summary>The agency a missing period taken from the return is recorded under: the importer's, else the first children's social care agency.</summary>
    private async Task<Guid?> MissingAgencyAsync(Actor actor, CancellationToken cancellationToken) =>
        actor.AgencyId ?? await db.Set<Agency>().AsNoTracking().Where(a => a.Type == AgencyType.ChildrensSocialCare && a.IsActive)
            .OrderBy(a => a.Name).Select(a => (Guid?)a.Id).FirstOrDefaultAsync(cancellationToken);

    private sealed partial class Run
    {
        public void ApplyEpisodes(SafeguardDbContext db, Person person, Ssda903Child child, List<CareEpisode> recorded)
        {
            foreach (var source in child.Episodes)
            {
                var start = source.Decom.Value!.Value;
                var episode = recorded.FirstOrDefault(e => e.StartedOn == start);
                var isNew = episode is null;
                if (episode is null)
                {
                    var before = recorded.Where(e => e.StartedOn < start && e.IroName != IroNotRecorded).MaxBy(e => e.StartedOn);
                    episode = new CareEpisode
                    {
                        PersonId = person.Id,
                        StartedOn = start,
                        ReasonForNewEpisode = source.Rne!,
                        LegalStatus = source.Ls!,
                        CategoryOfNeed = source.Cin!,
                        PlacementType = source.Place!,
                        IroUserId = before?.IroUserId,
                        IroName = before?.IroName ?? IroNotRecorded,
                        RecordedAt = now,
                        RecordedByName = "SSDA903 import",
                    };
                    db.Add(episode);
                    recorded.Add(episode);
                    Tallies[Ssda903RecordKind.Episode].Created++;
                }

                var changed = false;
                Set(ref changed, episode.ReasonForNewEpisode, source.Rne, v => episode.ReasonForNewEpisode = v);
                Set(ref changed, episode.LegalStatus, source.Ls, v => episode.LegalStatus = v);
                Set(ref changed, episode.CategoryOfNeed, source.Cin, v => episode.CategoryOfNeed = v);
                Set(ref changed, episode.PlacementType, source.Place, v => episode.PlacementType = v);
                Set(ref changed, episode.PlacementProvider, source.PlaceProvider, v => episode.PlacementProvider = v);
                Set(ref changed, episode.ReasonEpisodeCeased, source.Rec, v => episode.ReasonEpisodeCeased = v);
                Set(ref changed, episode.ReasonPlacementChanged, source.ReasonPlaceChange, v => episode.ReasonPlacementChanged = v);
                Set(ref changed, episode.HomePostcode, Postcode(source.HomePost, source, "HOME_POST"), v => episode.HomePostcode = v);
                Set(ref changed, episode.PlacementPostcode, Postcode(source.PlPost, source, "PL_POST"), v => episode.PlacementPostcode = v);
                Set(ref changed, episode.PlacementUrn, source.Urn?.Trim().ToUpperInvariant(), v => episode.PlacementUrn = v);
                if (source.Dec.Value is { } end && episode.EndedOn != end)
                {
                    episode.EndedOn = end;
                    changed = true;
                }

                if (!isNew)
                {
                    Tally(Ssda903RecordKind.Episode, changed);
                }
            }

            // Merged with what Safeguard already holds, the child's episodes must still follow one another.
            var ordered = recorded.OrderBy(e => e.StartedOn).ToList();
            for (var i = 1; i < ordered.Count; i++)
            {
                if (ordered[i - 1].EndedOn is not { } ended || ended > ordered[i].StartedOn)
                {
                    Problems.Add(new(Where(child), $"Child {child.Id}, with the records Safeguard already holds: the episode starting {ordered[i - 1].StartedOn:dd/MM/yyyy} " +
                        $"{(ordered[i - 1].EndedOn is null ? "is open" : $"ends {ordered[i - 1].EndedOn:dd/MM/yyyy}")} when the next starts on {ordered[i].StartedOn:dd/MM/yyyy}"));
                    break;
                }
            }
        }

        public void ApplyReviews(SafeguardDbContext db, Person person, Ssda903Child child, List<CareEpisode> episodes, List<LookedAfterReview> recorded)
        {
            foreach (var source in child.Reviews)
            {
                var held = source.Review.Value!.Value;
                var review = recorded.FirstOrDefault(r => r.HeldOn == held);
                var isNew = review is null;
                if (review is null)
                {
                    var episode = episodes.Where(e => e.StartedOn <= held).MaxBy(e => e.StartedOn);
                    review = new LookedAfterReview
                    {
                        PersonId = person.Id,
                        HeldOn = held,
                        IroUserId = episode?.IroUserId,
                        IroName = episode?.IroName ?? IroNotRecorded,
                        Participation = source.ReviewCode!,
                        RecordedAt = now,
                        RecordedByName = "SSDA903 import",
                    };
                    db.Add(review);
                    recorded.Add(review);
                    Tallies[Ssda903RecordKind.Review].Created++;
                    continue;
                }

                var changed = false;
                Set(ref changed, review.Participation, source.ReviewCode, v => review.Participation = v);
                Tally(Ssda903RecordKind.Review, changed);
            }
        }

        /// <summary>
        /// PlacedAdoption and AD1 into the child's adoption decisions, matched by the date of the decision. PlacedAdoption
        /// gives the reversal (DATE_PLACED_CEASED, REASON_PLACED_CEASED); AD1 the match and the adopters, and the adoption
        /// order is the end of the child's episode that ended by adoption (E11, E12) on or after the decision, when the
        /// decision has none yet (the return has no column for it). A blank leaves the recorded value.
        /// </summary>
        public void ApplyAdoptions(SafeguardDbContext db, Person person, Ssda903Child child, List<CareEpisode> episodes, List<AdoptionDecision> recorded)
        {
            var touched = new Dictionary<AdoptionDecision, bool>();
            var created = new HashSet<AdoptionDecision>();
            foreach (var source in child.PlacedAdoption)
            {
                if (source.DatePlaced.Value is not { } decided)
                {
                    continue;
                }

                var decision = Decision(decided);
                var changed = false;
                if (source.DatePlacedCeased.Value is { } ceased && decision.NoLongerPlacedOn != ceased)
                {
                    decision.NoLongerPlacedOn = ceased;
                    changed = true;
                }

                Set(ref changed, decision.ReasonNoLongerPlaced, source.ReasonPlacedCeased, v => decision.ReasonNoLongerPlaced = v);
                touched[decision] = touched.GetValueOrDefault(decision) || changed;
            }

            foreach (var source in child.Ad1)
            {
                if (source.DateInt.Value is not { } decided)
                {
                    continue;
                }

                var decision = Decision(decided);
                var changed = false;
                if (source.DateMatch.Value is { } matched && decision.MatchedOn != matched)
                {
                    decision.MatchedOn = matched;
                    changed = true;
                }

                Set(ref changed, decision.AdoptedByFosterCarers, source.FosterCare, v => decision.AdoptedByFosterCarers = v);
                Set(ref changed, decision.NumberOfAdopters, source.NumberOfAdopters, v => decision.NumberOfAdopters = v);
                Set(ref changed, decision.SexOfAdopters, source.SexOfAdopters, v => decision.SexOfAdopters = v);
                Set(ref changed, decision.LegalStatusOfAdopters, source.LegalStatusOfAdopters, v => decision.LegalStatusOfAdopters = v);
                if (decision.AdoptionOrderOn is null)
                {
                    var adopted = episodes.Where(e => e.EndedOn is { } left && left >= decided && e.ReasonEpisodeCeased is "E11" or "E12").MinBy(e => e.EndedOn);
                    if (adopted is null)
                    {
                        Notes.Add($"AD1 line {source.Line.ToString(CultureInfo.InvariantCulture)}: child {child.Id} has no episode ending by adoption (E11, E12) after the decision of {decided:dd/MM/yyyy}: the adoption order's date is not recorded, so AD1 is not exported for the child until it is.");
                    }
                    else
                    {
                        decision.AdoptionOrderOn = adopted.EndedOn;
                        changed = true;
                    }
                }

                touched[decision] = touched.GetValueOrDefault(decision) || changed;
            }

            foreach (var (decision, changed) in touched)
            {
                if (!created.Contains(decision))
                {
                    Tally(Ssda903RecordKind.AdoptionDecision, changed);
                }
            }

            AdoptionDecision Decision(DateOnly decided)
            {
                var decision = recorded.FirstOrDefault(d => d.DecidedOn == decided);
                if (decision is null)
                {
                    decision = new AdoptionDecision { PersonId = person.Id, DecidedOn = decided, RecordedAt = Now, RecordedByName = "SSDA903 import" };
                    db.Add(decision);
                    recorded.Add(decision);
                    created.Add(decision);
                    Tallies[Ssda903RecordKind.AdoptionDecision].Created++;
                }

                return decision;
            }
        }

        /// <summary>
        /// OC3 into the care leaver's birthday records (ADR 0086): the row is about the 17th to 21st birthday that falls in
        /// the collection year, matched by which birthday it is. A new record is dated the birthday itself (the return does
        /// not say when the information was obtained); a row with every item blank (allowed by rule 153) records nothing.
        /// </summary>
        public void ApplyCareLeaver(SafeguardDbContext db, Person person, Ssda903Child child, List<CareLeaverContact> recorded)
        {
            foreach (var source in child.Oc3)
            {
                var born = source.Dob.Value ?? person.DateOfBirth;
                var age = CareLeaverRules.AgeOn(born, Collection.ReferenceDate);
                if (!source.AnyGiven || born is not { } dob || age is not (>= 17 and <= 21) || dob.AddYears(age.Value) < Collection.Start
                    || source.InTouch is null || source.Activity is null || source.Accommodation is null)
                {
                    Notes.Add($"OC3 line {source.Line.ToString(CultureInfo.InvariantCulture)}: child {child.Id}'s row has no complete birthday record for a 17th to 21st birthday in the year and records nothing.");
                    continue;
                }

                var birthday = age.Value;
                var contact = recorded.Where(c => c.Birthday == birthday).MaxBy(c => c.RecordedAt);
                if (contact is null)
                {
                    contact = new CareLeaverContact
                    {
                        PersonId = person.Id,
                        Birthday = birthday,
                        ContactedOn = dob.AddYears(birthday),
                        InTouch = source.InTouch,
                        Activity = source.Activity,
                        Accommodation = source.Accommodation,
                        RecordedAt = Now,
                        RecordedByName = "SSDA903 import",
                    };
                    db.Add(contact);
                    recorded.Add(contact);
                    Tallies[Ssda903RecordKind.CareLeaverBirthday].Created++;
                    continue;
                }

                var changed = false;
                Set(ref changed, contact.InTouch, source.InTouch, v => contact.InTouch = v);
                Set(ref changed, contact.Activity, source.Activity, v => contact.Activity = v);
                Set(ref changed, contact.Accommodation, source.Accommodation, v => contact.Accommodation = v);
                Tally(Ssda903RecordKind.CareLeaverBirthday, changed);
            }
        }

        /// <summary>
        /// Missing into the child's missing episodes, matched by the UK day they started. A period with an episode of the
        /// missing area starting that day is that episode: the report (with its times, reporter and interview) is kept as
        /// it is, and a difference from the return is noted. A period with none becomes an episode marked as from the
        /// return (<see cref="MissingEpisode.FromReturn"/>): the start and end at the start of their days, from a care
        /// placement while looked after, reported by "Not recorded (SSDA903 return)"; a later return corrects its kind and end.
        /// </summary>
        public void ApplyMissing(SafeguardDbContext db, Person person, Ssda903Child child, List<MissingEpisode> recorded)
        {
            var matched = new HashSet<MissingEpisode>();
            foreach (var source in child.Missing)
            {
                if (source.Start.Value is not { } from)
                {
                    continue;
                }

                var kind = source.MissingType is "A" ? MissingKind.AwayWithoutAuthorisation : MissingKind.Missing;
                var to = source.End.Value;
                var line = source.Line.ToString(CultureInfo.InvariantCulture);
                var episode = recorded.Where(m => !matched.Contains(m) && UkTime.ToUkDate(m.StartedAt) == from).OrderBy(m => m.FromReturn).ThenBy(m => m.StartedAt).FirstOrDefault();
                if (episode is null)
                {
                    if (MissingAgencyId is not { } agency)
                    {
                        Problems.Add(new($"Missing line {line}", $"Child {child.Id}: a missing period is recorded under an agency, and there is no children's social care agency to record it under"));
                        continue;
                    }

                    episode = new MissingEpisode
                    {
                        PersonId = person.Id,
                        DescribedName = person.DisplayName,
                        DescribedDateOfBirth = person.DateOfBirth,
                        Kind = kind,
                        StartedAt = UkTime.StartOfDay(from),
                        EndedAt = to is { } end ? UkTime.StartOfDay(end) : null,
                        From = MissingFrom.CarePlacement,
                        LookedAfter = true,
                        ReportedByAgencyId = agency,
                        ReportedByName = MissingReporterNotRecorded,
                        RecordedAt = Now,
                        RecordedByUserId = Actor.UserId,
                        RecordedByName = "SSDA903 import",
                        FromReturn = true,
                    };
                    db.Add(episode);
                    recorded.Add(episode);
                    matched.Add(episode);
                    Tallies[Ssda903RecordKind.MissingPeriod].Created++;
                    continue;
                }

                matched.Add(episode);
                DateOnly? recordedEnd = episode.EndedAt is { } endedAt ? UkTime.ToUkDate(endedAt) : null;
                if (!episode.FromReturn)
                {
                    if (episode.Kind != kind || (to is not null && recordedEnd != to))
                    {
                        Notes.Add($"Missing line {line}: child {child.Id}'s missing episode starting {from:dd/MM/yyyy} was reported in the missing area, whose record is kept as it is ({(episode.Kind == MissingKind.Missing ? "M" : "A")}, {(recordedEnd is { } e ? $"ended {e:dd/MM/yyyy}" : "not ended")}); the return says {source.MissingType}{(to is { } t ? $", ended {t:dd/MM/yyyy}" : "")}.");
                    }

                    Tally(Ssda903RecordKind.MissingPeriod, false);
                    continue;
                }

                var changed = false;
                if (episode.Kind != kind)
                {
                    episode.Kind = kind;
                    changed = true;
                }

                if (to is { } ended && recordedEnd != ended)
                {
                    episode.EndedAt = UkTime.StartOfDay(ended);
                    changed = true;
                }

                Tally(Ssda903RecordKind.MissingPeriod, changed);
            }
        }
    }
}
