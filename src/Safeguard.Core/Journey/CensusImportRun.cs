using Microsoft.EntityFrameworkCore;
using Safeguard.Calendar;
using Safeguard.Common;
using Safeguard.Interchange.Cin;
using Safeguard.People;
using Safeguard.Persistence;

namespace Safeguard.Journey;

public sealed partial class CensusImportService
{
    /// <summary>The state of one import: the tallies, notes and problems, and how records are matched and changed.</summary>
    private sealed class ImportRun(
        SafeguardDbContext db, Func<string, DateOnly, Timescales.Deadline> deadline, Dictionary<CensusRecordKind, CensusImportTally> tallies, DateTimeOffset now)
    {
        public long Children { get; set; }

        public required WorkingDayCalendar WorkingDays { get; init; }

        public DateOnly Today { get; init; }

        public List<ValidationProblem> Problems { get; } = [];

        /// <summary>How many records have been created or changed so far.</summary>
        public int Changes
        {
            get
            {
                var changes = 0;
                foreach (var tally in tallies.Values)
                {
                    changes += tally.Created + tally.Changed;
                }

                return changes;
            }
        }

        public List<string> Notes { get; } = [];

        /// <summary>A new child with the placeholder name, not yet tracked: the caller saves it with its records.</summary>
        public Person NewChild(string id)
        {
            var person = ImportedChild.Create(id, now);
            tallies[CensusRecordKind.Child].Created++;
            return person;
        }

        public void ApplyPerson(Person person, CinChild child, string? upn, bool isNew)
        {
            var changed = false;
            Set(ref changed, person.Upn, upn, v => person.Upn = v);
            Set(ref changed, person.Sex, child.Sex is "M" or "F" or "U" ? child.Sex : null, v => person.Sex = v);
            Set(ref changed, person.Ethnicity, Code(child.Ethnicity), v => person.Ethnicity = v);
            var disabilities = child.Disabilities.Select(d => d.Trim().ToUpperInvariant()).Where(d => d.Length > 0).Distinct(StringComparer.Ordinal).ToList();
            Set(ref changed, person.Disabilities, disabilities.Count == 0 ? null : string.Join(',', disabilities), v => person.Disabilities = v);
            SetDate(ref changed, person.DateOfBirth, child.BirthDate, v => person.DateOfBirth = v);
            SetDate(ref changed, person.ExpectedDateOfBirth, child.ExpectedBirthDate, v => person.ExpectedDateOfBirth = v);
            if (!isNew)
            {
                Tally(CensusRecordKind.Child, changed);
            }

            if (child.DeathDate is not null || child.FormerUpn is not null)
            {
                Notes.Add($"Child {person.CouncilChildId}: the date of death and former UPN are not kept by Safeguard's person record and were not imported.");
            }
        }

        /// <summary>
        /// Counts a child skipped as unchanged (its digest matched) as applying it again would have: every record the
        /// file has for it unchanged; with the notes applying it gives.
        /// </summary>
        public void CountUnchanged(string id, CinChild child)
        {
            tallies[CensusRecordKind.Child].Unchanged++;
            if (child.DeathDate is not null || child.FormerUpn is not null)
            {
                Notes.Add($"Child {id}: the date of death and former UPN are not kept by Safeguard's person record and were not imported.");
            }

            foreach (var episode in child.Episodes.Where(e => e.ReferralDate is not null))
            {
                tallies[CensusRecordKind.Episode].Unchanged++;
                tallies[CensusRecordKind.Assessment].Unchanged += episode.Assessments.Count(a => a.StartDate is not null);
                tallies[CensusRecordKind.CinPlan].Unchanged += episode.CinPlans.Count(p => p.StartDate is not null);
                foreach (var enquiry in episode.Section47Enquiries.Where(s => s.StartDate is not null))
                {
                    tallies[CensusRecordKind.StrategyDiscussion].Unchanged++;
                    tallies[CensusRecordKind.Section47Enquiry].Unchanged++;
                    if (enquiry.DateOfInitialCpc is not null)
                    {
                        tallies[CensusRecordKind.InitialConference].Unchanged++;
                    }
                }

                if (episode.DateOfInitialCpc is { } conference && !episode.Section47Enquiries.Any(s => s.StartDate is not null && s.DateOfInitialCpc == conference))
                {
                    Notes.Add($"Child {id}, episode referred {episode.ReferralDate:yyyy-MM-dd}: the initial conference of {conference:yyyy-MM-dd} has no section 47 enquiry in the file and was not kept (Safeguard records a conference on its enquiry).");
                }

                foreach (var plan in episode.ProtectionPlans.Where(p => p.StartDate is not null && p.InitialCategoryOfAbuse is not null))
                {
                    tallies[CensusRecordKind.ProtectionPlan].Unchanged++;
                    tallies[CensusRecordKind.ReviewConference].Unchanged += plan.Reviews.Select(r => r.Date).OfType<DateOnly>().Distinct().Count();
                }
            }
        }

        /// <summary>
        /// Matches and applies the child's episodes; new episodes of a child already known are tracked, those of a
        /// new child (<paramref name="personIsNew"/>) are only added to <paramref name="recorded"/>.
        /// </summary>
        public void ApplyEpisodes(Person person, CinChild child, List<NeedEpisode> recorded, bool personIsNew)
        {
            foreach (var group in child.Episodes.Where(e => e.ReferralDate is not null).GroupBy(e => e.ReferralDate!.Value))
            {
                var existing = recorded.Where(e => e.ReferralDate == group.Key).OrderBy(e => e.CreatedAt).ThenBy(e => e.Id).ToList();
                var index = 0;
                foreach (var source in group)
                {
                    var episode = index < existing.Count ? existing[index] : null;
                    index++;
                    var isNew = episode is null;
                    if (episode is null)
                    {
                        episode = new NeedEpisode { PersonId = person.Id, ReferralDate = group.Key, ReferralSource = Code(source.ReferralSource) ?? "", CreatedAt = now };
                        if (!personIsNew)
                        {
                            db.NeedEpisodes.Add(episode);
                        }

                        recorded.Add(episode);
                        tallies[CensusRecordKind.Episode].Created++;
                    }

                    var changed = false;
                    Set(ref changed, episode.ReferralSource, Code(source.ReferralSource), v => episode.ReferralSource = v);
                    Set(ref changed, episode.PrimaryNeedCode, Code(source.PrimaryNeedCode), v => episode.PrimaryNeedCode = v);
                    if (source.ReferralNfa is { } nfa && episode.ReferralNfa != nfa)
                    {
                        episode.ReferralNfa = nfa;
                        changed = true;
                    }

                    SetDate(ref changed, episode.ClosureDate, source.ClosureDate, v => episode.ClosureDate = v);
                    Set(ref changed, episode.ReasonForClosure, Code(source.ReasonForClosure), v => episode.ReasonForClosure = v);
                    var recordsChanged = ApplyRecords(person, episode, source);
                    if (!isNew)
                    {
                        Tally(CensusRecordKind.Episode, changed);
                        if (recordsChanged && !changed)
                        {
                            // The episode is saved too, so every change to its records raises its version.
                            db.Entry(episode).State = EntityState.Modified;
                        }
                    }
                }
            }
        }

        private bool ApplyRecords(Person person, NeedEpisode episode, CinEpisode source)
        {
            var any = false;
            foreach (var a in source.Assessments.Where(a => a.StartDate is not null))
            {
                var assessment = episode.Assessments.FirstOrDefault(x => x.StartDate == a.StartDate);
                var isNew = assessment is null;
                if (assessment is null)
                {
                    assessment = new CaseAssessment { EpisodeId = episode.Id, StartDate = a.StartDate!.Value };
                    episode.Assessments.Add(assessment);
                }

                var changed = false;
                SetDate(ref changed, assessment.AuthorisationDate, a.AuthorisationDate, v => assessment.AuthorisationDate = v);
                var factors = a.Factors.Select(f => f.Trim().ToUpperInvariant()).Where(f => f.Length > 0).Distinct(StringComparer.Ordinal).ToList();
                Set(ref changed, assessment.Factors, factors.Count == 0 ? null : string.Join(',', factors), v => assessment.Factors = v);
                any |= Count(CensusRecordKind.Assessment, isNew, changed);
            }

            foreach (var p in source.CinPlans.Where(p => p.StartDate is not null))
            {
                var plan = episode.CinPlans.FirstOrDefault(x => x.StartDate == p.StartDate);
                var isNew = plan is null;
                if (plan is null)
                {
                    plan = new ChildInNeedPlan { EpisodeId = episode.Id, StartDate = p.StartDate!.Value };
                    episode.CinPlans.Add(plan);
                }

                var changed = false;
                SetDate(ref changed, plan.EndDate, p.EndDate, v => plan.EndDate = v);
                any |= Count(CensusRecordKind.CinPlan, isNew, changed);
            }

            foreach (var s in source.Section47Enquiries.Where(s => s.StartDate is not null))
            {
                var start = s.StartDate!.Value;
                var enquiry = episode.Enquiries.FirstOrDefault(x => x.StartDate == start);
                var isNew = enquiry is null;
                if (enquiry is null)
                {
                    // The journey records every enquiry as started by a strategy discussion; the census has none,
                    // so one is recorded on the enquiry's start date with the outcome that started it.
                    var discussion = new StrategyDiscussion { EpisodeId = episode.Id, Date = start, Outcome = StrategyOutcome.Section47 };
                    episode.StrategyDiscussions.Add(discussion);
                    tallies[CensusRecordKind.StrategyDiscussion].Created++;
                    enquiry = new S47Enquiry
                    {
                        EpisodeId = episode.Id,
                        StrategyDiscussionId = discussion.Id,
                        StartDate = start,
                        IcpcTargetDate = s.InitialCpcTarget ?? deadline("icpc", start).DueDate,
                    };
                    episode.Enquiries.Add(enquiry);
                }
                else
                {
                    tallies[CensusRecordKind.StrategyDiscussion].Unchanged++;
                }

                var changed = false;
                SetDate(ref changed, enquiry.IcpcTargetDate, s.InitialCpcTarget, v => enquiry.IcpcTargetDate = v!.Value);
                if (s.IcpcNotRequired is { } notRequired && enquiry.IcpcNotRequired != notRequired)
                {
                    enquiry.IcpcNotRequired = notRequired;
                    changed = true;
                }

                any |= Count(CensusRecordKind.Section47Enquiry, isNew, changed);
                if (s.DateOfInitialCpc is { } conference)
                {
                    var held = enquiry.ConferenceDate;
                    var conferenceChanged = held != conference;
                    enquiry.ConferenceDate = conference;
                    if (enquiry.ConferenceOutcome is null)
                    {
                        // The census does not record the conference's decision: a plan starting that day says it was one.
                        enquiry.ConferenceOutcome = source.ProtectionPlans.Any(p => p.StartDate == conference) ? ConferenceOutcome.Plan : ConferenceOutcome.NoPlan;
                        conferenceChanged = true;
                    }

                    any |= Count(CensusRecordKind.InitialConference, held is null, conferenceChanged && held is not null);
                }
            }

            if (source.DateOfInitialCpc is { } episodeConference && !episode.Enquiries.Any(e => e.ConferenceDate == episodeConference))
            {
                Notes.Add($"Child {person.CouncilChildId}, episode referred {episode.ReferralDate:yyyy-MM-dd}: the initial conference of {episodeConference:yyyy-MM-dd} has no section 47 enquiry in the file and was not kept (Safeguard records a conference on its enquiry).");
            }

            foreach (var p in source.ProtectionPlans.Where(p => p.StartDate is not null && p.InitialCategoryOfAbuse is not null))
            {
                var start = p.StartDate!.Value;
                var plan = episode.ProtectionPlans.FirstOrDefault(x => x.StartDate == start);
                var isNew = plan is null;
                if (plan is null)
                {
                    var initial = Code(p.InitialCategoryOfAbuse)!;
                    plan = new ProtectionPlan
                    {
                        EpisodeId = episode.Id,
                        EnquiryId = episode.Enquiries.FirstOrDefault(e => e.ConferenceDate == start)?.Id,
                        StartDate = start,
                        InitialCategory = initial,
                        LatestCategory = Code(p.LatestCategoryOfAbuse) ?? initial,
                    };
                    episode.ProtectionPlans.Add(plan);
                }

                var changed = false;
                SetDate(ref changed, plan.EndDate, p.EndDate, v => plan.EndDate = v);
                Set(ref changed, plan.InitialCategory, Code(p.InitialCategoryOfAbuse), v => plan.InitialCategory = v);
                Set(ref changed, plan.LatestCategory, Code(p.LatestCategoryOfAbuse), v => plan.LatestCategory = v);
                any |= Count(CensusRecordKind.ProtectionPlan, isNew, changed);
                foreach (var date in p.Reviews.Select(r => r.Date).OfType<DateOnly>().Distinct())
                {
                    var found = plan.Reviews.Any(r => r.Date == date);
                    if (!found)
                    {
                        plan.Reviews.Add(new ReviewConference { PlanId = plan.Id, Date = date });
                    }

                    any |= Count(CensusRecordKind.ReviewConference, !found, false);
                }
            }

            return any;
        }

        /// <summary>Counts a record; true when it was created or changed.</summary>
        private bool Count(CensusRecordKind kind, bool created, bool changed)
        {
            if (created)
            {
                tallies[kind].Created++;
                return true;
            }

            Tally(kind, changed);
            return changed;
        }

        private void Tally(CensusRecordKind kind, bool changed)
        {
            if (changed)
            {
                tallies[kind].Changed++;
            }
            else
            {
                tallies[kind].Unchanged++;
            }
        }

        private static string? Code(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim().ToUpperInvariant();

        /// <summary>Takes the file's value when it has one and it differs; an absent value leaves the recorded one.</summary>
        private static void Set(ref bool changed, string? current, string? wanted, Action<string> set)
        {
            if (wanted is not null && !string.Equals(current, wanted, StringComparison.Ordinal))
            {
                set(wanted);
                changed = true;
            }
        }

        private static void SetDate(ref bool changed, DateOnly? current, DateOnly? wanted, Action<DateOnly?> set)
        {
            if (wanted is not null && current != wanted)
            {
                set(wanted);
                changed = true;
            }
        }
    }
}
