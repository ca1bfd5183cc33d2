using Microsoft.EntityFrameworkCore;
using Safeguard.Auditing;
using Safeguard.Calendar;
using Safeguard.Common;
using Safeguard.Persistence;
using Safeguard.Training;

namespace Safeguard.DemoData;

/// <summary>
/// Two years of the partnership's multi-agency training (last year's programme and this year's, sessions before today
/// delivered and those after it open to booking) at a Bury-sized partnership's scale: twelve courses, about 48
/// sessions a year, among them the LADO's yearly sessions the area's annual report lists (three half days on managing
/// allegations, two full days on safer recruitment, two on e-safety), courses on the learning themes its reviews and
/// audits found (neglect and the graded care profile, think family, domestic abuse, safer sleep, private fostering in
/// schools). About 85% of places are booked, 8% of bookings given back, 12% not attended; delegates rate their
/// confidence about 2.3 before and 3.8 after; about 60% of follow-ups come back, 70% of them reporting changed practice.
/// </summary>
public static class DemoTraining
{
    private static readonly (string Title, string Outcomes, string Audience, string? Theme, int Sessions, bool Online, int Places, string Trainer)[] Courses =
    [
        ("Managing allegations against people who work with children", "Know when and how to refer to the LADO; understand the threshold and the employer's part in the process", "Managers and designated leads in any organisation working with children", null, 3, true, 30, "Lou Lado"),
        ("Safer recruitment", "Recruit safely: vetting, references, interview questions and the single central record", "Anyone who recruits staff or volunteers who work with children", null, 2, false, 20, "Lou Lado"),
        ("E-safety and online safety", "Recognise online harms, grooming and sharing of images; respond and refer", "Practitioners in every agency", "Exploitation", 2, false, 20, "Lou Lado"),
        ("Level 3 think family safeguarding", "Apply a think family approach: parents' needs and children's safety together", "Practitioners working with families", "Think family", 8, false, 20, "Nia Nurse"),
        ("Neglect and the graded care profile (GCP2)", "Recognise neglect early and use the GCP2 with families before and alongside a referral", "Practitioners in every agency who work with children and families", "Neglect", 6, false, 20, "Sam Social"),
        ("Domestic abuse awareness", "Recognise domestic abuse and its impact on children; ask, record and refer", "Practitioners in every agency", "Domestic abuse", 6, true, 30, "Piers Police"),
        ("Safer sleep (ICON)", "Give consistent safer sleep and ICON messages to parents of babies", "Health, early years and children's social care practitioners", "Safe sleeping", 4, true, 30, "Hana Health"),
        ("Child exploitation and complex safeguarding", "Spot criminal and sexual exploitation; use the screening tool; refer to the complex safeguarding team", "Practitioners in every agency", "Exploitation", 4, false, 20, "Complex Safeguarding Team"),
        ("Private fostering: spotting the signs in schools", "Identify private fostering arrangements and notify the local authority", "School staff and designated safeguarding leads", null, 2, true, 30, "Sid School"),
        ("Learning from case reviews", "Know the local reviews' findings and what they mean for practice", "Practitioners in every agency", "Information sharing", 6, true, 30, "Bea Business"),
        ("The voice of the child", "Seek, hear and record children's wishes and feelings", "Practitioners in every agency", "Voice of the child", 3, false, 20, "Sam Social"),
        ("Professional curiosity and challenge", "Ask the next question; escalate disagreement between agencies", "Practitioners and managers in every agency", "Professional curiosity", 2, false, 20, "Tariq Manager"),
    ];

    private static readonly string[] Venues = ["Bury Town Hall", "Elizabethan Suite, Town Hall", "Fairfield General Hospital education centre", "Radcliffe Market Chambers", "Bury Police Station conference room"];

    private static readonly string[] FirstNames = ["Amy", "Ben", "Chloe", "Daniel", "Ella", "Farhan", "Grace", "Harry", "Imran", "Jess", "Kate", "Liam", "Maya", "Nathan", "Olivia", "Priya", "Rachel", "Sean", "Tom", "Zara", "Aisha", "Joe", "Lucy", "Mo"];

    private static readonly string[] LastNames = ["Ahmed", "Bailey", "Clarke", "Davies", "Evans", "Fletcher", "Green", "Hughes", "Iqbal", "Jones", "Kaur", "Lee", "Murphy", "Nolan", "Patel", "Roberts", "Shaw", "Taylor", "Walsh", "Young"];

    private static readonly string[] Feedback = ["Really useful, with local examples", "Good to meet colleagues from other agencies", "Would like more time on case studies", "Clear and practical", "The trainer knew the local procedures well", "Too much content for the time"];

    private static readonly string[] Changes = ["Used the tool with a family before referring", "Asked about the other adults in the household at every visit", "Shared information with the school nurse sooner", "Recorded the child's own words in the assessment", "Referred to the LADO the same day after taking advice", "Updated our team's procedure and briefed colleagues"];

    /// <summary>Which agencies book, how many of the delegates each sends (weight), and their roles.</summary>
    private static readonly (string Code, int Weight, string[] Roles)[] Bookers =
    [
        ("CSC", 8, ["Social worker", "Social worker", "Manager or team leader"]),
        ("POLICE", 5, ["Police officer or staff"]),
        ("ICB", 2, ["Doctor or GP", "Other health practitioner"]),
        ("HOSP", 5, ["Health visitor, school nurse or midwife", "Other health practitioner"]),
        ("SCHOOLS", 6, ["Teacher or school staff", "Designated safeguarding lead"]),
        ("VCS", 2, ["Voluntary or community sector worker"]),
        ("EHE", 4, ["Early help practitioner", "Manager or team leader"]),
    ];

    public static async Task<int> SeedAsync(SafeguardDbContext db, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (await db.Set<TrainingCourse>().AnyAsync(cancellationToken))
        {
            return 0;
        }

        var agencies = await db.Agencies.AsNoTracking().Where(a => a.IsActive).ToDictionaryAsync(a => a.Code, a => a.Id, cancellationToken);
        var bookers = Bookers.Where(b => agencies.ContainsKey(b.Code)).ToList();
        if (bookers.Count == 0)
        {
            return 0;
        }

        var themes = await db.LearningThemes.AsNoTracking().ToDictionaryAsync(t => t.Name, t => t.Id, cancellationToken);
        var random = new Random(2021);
        var today = UkTime.Today(db.Time);
        var current = ReportingYear.Of(today);
        var now = db.Time.GetUtcNow();
        using var process = db.BeginProcess("Demo.Training", actor);
        var sessions = 0;
        foreach (var (title, outcomes, audience, theme, perYear, online, places, trainer) in Courses)
        {
            var course = new TrainingCourse
            {
                Title = title,
                LearningOutcomes = outcomes,
                Audience = audience,
                LearningThemeId = theme is null ? null : themes.GetValueOrDefault(theme),
                CreatedAt = UkTime.StartOfDay(current.Previous.Start.AddDays(-30)).AddHours(9),
                CreatedBy = "Bea Business",
            };
            db.Add(course);
            foreach (var year in new[] { current.Previous, current })
            {
                for (var i = 0; i < perYear; i++)
                {
                    // Spread over the year from mid-April to mid-March, on a weekday.
                    var heldOn = year.Start.AddDays(14 + ((i * 330 / perYear) + random.Next(20)));
                    while (heldOn.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
                    {
                        heldOn = heldOn.AddDays(1);
                    }

                    var session = new TrainingSession
                    {
                        CourseId = course.Id,
                        HeldOn = heldOn,
                        YearStart = year.StartYear,
                        Online = online,
                        Venue = online ? null : Venues[random.Next(Venues.Length)],
                        Trainer = trainer,
                        Places = places,
                    };
                    db.Add(session);
                    sessions++;
                    var held = heldOn <= today;
                    var far = heldOn > today.AddDays(60);
                    var wanted = (int)Math.Round(places * (far ? 0.3 + (random.NextDouble() * 0.3) : 0.75 + (random.NextDouble() * 0.25)));
                    var booked = 0;
                    for (var d = 0; d < wanted; d++)
                    {
                        var (code, _, roles) = Pick(bookers, random);
                        var booking = new TrainingBooking
                        {
                            SessionId = session.Id,
                            AgencyId = agencies[code],
                            DelegateName = $"{FirstNames[random.Next(FirstNames.Length)]} {LastNames[random.Next(LastNames.Length)]}",
                            DelegateRole = roles[random.Next(roles.Length)],
                            BookedAt = UkTime.StartOfDay(heldOn.AddDays(-10 - random.Next(50))).AddHours(10) > now ? now : UkTime.StartOfDay(heldOn.AddDays(-10 - random.Next(50))).AddHours(10),
                            BookedBy = code == "POLICE" ? "Dev Data" : code == "CSC" ? "Dee Data" : "Agency training lead",
                        };
                        var roll = random.NextDouble();
                        if (roll < 0.08)
                        {
                            booking.Attendance = Attendance.Cancelled;
                        }
                        else
                        {
                            booked++;
                            if (held)
                            {
                                booking.Attendance = roll < 0.19 ? Attendance.DidNotAttend : Attendance.Attended;
                            }
                        }

                        if (booking.Attendance == Attendance.Attended)
                        {
                            Attend(booking, heldOn, today, random);
                        }

                        db.Add(booking);
                    }

                    session.Booked = booked;
                    session.Status = held ? SessionStatus.Delivered : SessionStatus.Planned;
                }
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return sessions;
    }

    private static void Attend(TrainingBooking booking, DateOnly heldOn, DateOnly today, Random random)
    {
        booking.FollowUpDueOn = heldOn.AddMonths(3);
        if (random.NextDouble() < 0.9)
        {
            booking.ConfidenceBefore = Math.Clamp(1 + random.Next(3) + (random.NextDouble() < 0.3 ? 1 : 0), 1, 5);
            booking.ConfidenceAfter = Math.Clamp(booking.ConfidenceBefore.Value + 1 + (random.NextDouble() < 0.5 ? 1 : 0), 1, 5);
            booking.Feedback = random.NextDouble() < 0.5 ? Feedback[random.Next(Feedback.Length)] : null;
            booking.EvaluatedOn = heldOn;
        }

        if (booking.FollowUpDueOn <= today)
        {
            if (random.NextDouble() < 0.6)
            {
                var on = booking.FollowUpDueOn.Value.AddDays(random.Next(-7, 21));
                booking.FollowUpOn = on > today ? today : on;
                booking.PracticeChanged = random.NextDouble() < 0.7;
                booking.PracticeExample = booking.PracticeChanged == true ? Changes[random.Next(Changes.Length)] : null;
                booking.FollowUpBy = booking.BookedBy;
            }
            else if (random.NextDouble() < 0.5)
            {
                booking.FollowUpReminders = 1;
                booking.LastRemindedOn = booking.FollowUpDueOn.Value.AddDays(14) > today ? today : booking.FollowUpDueOn.Value.AddDays(14);
            }
        }
    }

    private static (string Code, int Weight, string[] Roles) Pick(List<(string Code, int Weight, string[] Roles)> bookers, Random random)
    {
        var roll = random.Next(bookers.Sum(b => b.Weight));
        foreach (var b in bookers)
        {
            roll -= b.Weight;
            if (roll < 0)
            {
                return b;
            }
        }

        return bookers[^1];
    }
}
