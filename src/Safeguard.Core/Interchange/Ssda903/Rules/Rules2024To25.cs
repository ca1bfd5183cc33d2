using static Safeguard.Interchange.Ssda903.Rules.Ages;
using Ad = Safeguard.Interchange.Ssda903.Rules.AdoptionRules;
using Ch = Safeguard.Interchange.Ssda903.Rules.ChildRules;
using Cl = Safeguard.Interchange.Ssda903.Rules.CareLeaverRules;
using Ep = Safeguard.Interchange.Ssda903.Rules.EpisodeRules;
using Hd = Safeguard.Interchange.Ssda903.Rules.HeaderRules;
using Ly = Safeguard.Interchange.Ssda903.Rules.LastYearRules;
using Mi = Safeguard.Interchange.Ssda903.Rules.MissingRules;
using N = Safeguard.Interchange.Ssda903.Ssda903Needs;
using Oc = Safeguard.Interchange.Ssda903.Rules.OutcomeRules;
using Pe = Safeguard.Interchange.Ssda903.Rules.PermanenceRules;
using Pl = Safeguard.Interchange.Ssda903.Rules.PlacementRules;
using Re = Safeguard.Interchange.Ssda903.Rules.ReferenceRules;
using Rt = Safeguard.Interchange.Ssda903.Rules.ReturnRules;
using Sw = Safeguard.Interchange.Ssda903.Rules.SocialWorkerRules;
using T = Safeguard.Interchange.Ssda903.Ssda903Table;

namespace Safeguard.Interchange.Ssda903.Rules;

/// <summary>
/// The implemented rules of the 2024-25 SSDA903 collection. DfE's list (code, message, fields, tables) is the
/// embedded <c>Data/2024-25/rules.csv</c>; each entry here is one rule's check, named by its code. Rules not listed
/// here are reported as not checked (docs/ssda903.md says why for each group).
/// </summary>
public static class Rules2024To25
{
    public const string CollectionName = "2024-25";

    public static Ssda903RuleSet Create() => new(CollectionName, Ssda903RuleSet.LoadDefinitions(CollectionName), Rules());

    private static readonly string[] Ad1Fields = ["DATE_INT", "DATE_MATCH", "FOSTER_CARE", "LS_ADOPTR", "NB_ADOPTR", "SEX_ADOPTR"];
    private static readonly string[] Oc3Fields = ["ACCOM", "ACTIV", "IN_TOUCH"];
    private static readonly string[] Oc2Flags = ["CONVICTED", "HEALTH_ASSESSMENT", "HEALTH_CHECK", "IMMUNISATIONS", "INTERVENTION_OFFERED", "INTERVENTION_RECEIVED", "SUBSTANCE_MISUSE", "TEETH_CHECK"];

    public static IEnumerable<Ssda903Rule> Rules() =>
    [
        // Header
        new("101", Hd.SexValid),
        new("102", Hd.DobValid),
        new("103", Hd.EthnicValid),
        new("105", Hd.UascFlagValid),
        new("165", Hd.MotherValid),
        new("168", Hd.UpnValid),
        new("171", Hd.MotherChildDobValid),
        new("174", Hd.MotherChildDobForMale),
        new("301", Hd.BornAfterYear),
        new("351", Hd.OverTwentyFive),
        new("442", Hd.UpnPresent),
        new("611", Hd.MotherWithoutChildDob),
        new("612", Hd.ChildDobButNotMother),
        new("620", Hd.MotherUnderEleven),
        new("621", Hd.MotherYoungerThanChild),
        new("625", Hd.MotherChildDobTooLate),
        new("202", Hd.SexChanged),
        new("203", Hd.DobChanged),
        new("204", Hd.EthnicChanged),
        new("208", Hd.UpnChanged),
        new("624", Hd.MotherChildDobChanged),
        new("210", Hd.Un4LookedAfterOverAWeek),
        new("EPI", Hd.NoEpisodes),

        // UASC
        new("104", Hd.DucValid),
        new("303", Hd.DucWithoutUascFlag),
        new("304", Hd.DucAfterEighteenth),

        // Reviews
        new("166", Hd.ReviewDateValid),
        new("167", Hd.ReviewCodeValid),
        new("440", Hd.Pn0ButFourOrOver),
        new("441", Hd.ParticipationButUnderFour),

        // Episodes: codes and dates
        new("141", Ep.Each(Ep.DecomInvalid, "DECOM")),
        new("143", Ep.CodeValid(e => e.Rne, Ssda903Schema.ReasonNewEpisode, true, "RNE")),
        new("144", Ep.CodeValid(e => e.Ls, Ssda903Schema.LegalStatus, true, "LS")),
        new("145", Ep.CodeValid(e => e.Cin, Ssda903Schema.CategoryOfNeed, true, "CIN")),
        new("146", Ep.CodeValid(e => e.Place, Ssda903Schema.Placement, true, "PLACE")),
        new("147", Ep.Each(Ep.DecInvalid, "DEC")),
        new("148", Ep.Each(Ep.DecAndRecNotBoth, "DEC", "REC")),
        new("149", Ep.CodeValid(e => e.Rec, Ssda903Schema.ReasonEpisodeCeased, false, "REC")),
        new("178", Ep.CodeValid(e => e.PlaceProvider, Ssda903Schema.PlacementProvider, false, "PLACE_PROVIDER")),
        new("1009", Ep.CodeValid(e => e.ReasonPlaceChange, Ssda903Schema.ReasonPlaceChange, false, "REASON_PLACE_CHANGE")),
        new("353", Ep.Each(Ep.BeforeOctober1991, "DECOM")),
        new("354", Ep.Each(Ep.StartsAfterYear, "DECOM")),
        new("385", Ep.Each(Ep.CeasesAfterYear, "DEC")),
        new("355", Ep.Each(Ep.SameDay, "DEC", "DECOM")),
        new("356", Ep.Each(Ep.CeasesBeforeStart, "DECOM")),
        new("302", Ep.FirstBeforeBirth),
        new("445", Ep.Each(Ep.D1AfterAct, "DECOM", "LS")),
        new("446", Ep.Each(Ep.E1BeforeAct, "DECOM", "LS")),

        // Episodes: the sequence
        new("142", Ep.PreviousNotEnded),
        new("501", Ep.EachAfter(Ep.StartsBeforePreviousEnds, "DEC", "DECOM")),
        new("431", Ep.EachAfter(Ep.NewPeriodSameDay, "DECOM", "RNE")),
        new("432", Ep.EachAfter(Ep.CareEndedButNotNewPeriod, "RNE")),
        new("433", Ep.EachAfter(Ep.ContinuationNotSameDay, "DECOM", "RNE")),
        new("434", Ep.EachAfter(Ep.LegalStatusOnlyNotReflected, "LS", "PLACE", "PLACE_PROVIDER", "PL_POST", "RNE", "URN")),
        new("437", Ep.EachAfter(Ep.FurtherEpisodesAfterFinalReason, "REC")),
        new("388", Ep.X1WithoutContinuation),
        new("357", Ep.FirstEpisodeNotS),
        new("504", Ep.CategoryOfNeedChanged),
        new("199", Ep.PreviouslyAdopted),

        // Episodes: ages, durations, placements and legal statuses
        new("352", Ep.Each(Ep.AgeAtStart(e => e.Rne == "S", age => age >= 18), "DECOM", "RNE")),
        new("358", Ep.Each(Ep.AgeAtStart(e => In(e.Ls, "J1", "J2", "J3"), age => age < 10), "DECOM", "DOB", "LS")),
        new("371", Ep.Each(Ep.AgeAtStart(e => e.Place == "H5", age => age < 16), "DECOM", "PLACE")),
        new("372", Ep.Each(Ep.AgeAtStart(e => e.Place == "R5", age => age < 10), "DECOM", "PLACE")),
        new("373", Ep.Each(Ep.AgeAtStart(e => e.Place == "S1", age => age < 4), "DECOM", "PLACE")),
        new("374", Ep.Each(Ep.AgeAtStart(e => e.Place == "P3", age => age < 14), "DECOM", "PLACE")),
        new("386", Ep.Each(Ep.AgeAtEnd(e => In(e.Rec, "E11", "E12"), age => age >= 18), "REC")),
        new("387", Ep.Each(Ep.AgeAtEnd(e => e.Rec is "E5" or "E6", age => age < 14), "REC")), // both codes are independent living
        new("389", Ep.Each(Ep.AgeAtEnd(e => e.Rec == "E7", age => age < 16), "REC")),
        new("407", Ep.Each(Ep.AgeAtEnd(e => In(e.Rec, "E45", "E46", "E47", "E48"), age => age >= 18), "DEC", "DOB", "REC")),
        new("460", Ep.Each(Ep.AgeAtEnd(e => e.Rec == "E17", age => age < 18), "DEC", "REC")),
        new("361", Ep.LegalStatusLastsMoreThan("L1", 3)),
        new("362", Ep.LegalStatusLastsMoreThan("L2", 21)),
        new("363", Ep.LegalStatusLastsMoreThan("L3", 7)),
        new("364", Ep.LegalStatusLastsMoreThan("J2", 21)),
        new("365", Ep.Each(Ep.LastsMoreThan(e => e.Ls == "V3", 17), "DEC", "DECOM", "LS")),
        new("375", Ep.Each(Ep.LastsMoreThan(e => e.Place == "T1", 42), "DECOM", "PLACE")),
        new("376", Ep.Each(Ep.LastsMoreThan(e => e.Place == "T3", 21), "DECOM", "PLACE")),
        new("379", Ep.Each(Ep.LastsMoreThan(e => e.Place == "T4", 7), "DECOM", "PLACE")),
        new("366", Ep.Each((e, c, x) => e.Ls == "V3" && e.Rne is not null and not "S", "RNE")),
        new("367", Ep.TooMuchRespite),
        new("426", Ep.RespiteV3AndV4),
        new("378", Ep.Each((e, c, x) => e.Ls == "V2" && e.Place == "P1", "LS", "PLACE")),
        new("380", Ep.Each((e, c, x) => e.Rne == "S" && Ep.IsTemporary(e), "PLACE", "RNE")),
        new("381", Ep.Each((e, c, x) => e.EndsCare && Ep.IsTemporary(e), "PLACE", "REC")),
        new("382", Ep.Each((e, c, x) => Ep.IsRespite(e) && Ep.IsTemporary(e), "LS", "PLACE")),
        new("384", Ep.Each((e, c, x) => Ep.IsRespite(e) && In(e.Place, "U1", "U4"), "LS", "PLACE")),
        new("217", Ep.Each((e, c, x) => In(e.Place, "A3", "A5") && e.Rne is not null and not ("S" or "T" or "U"), "DECOM", "PLACE", "RNE")),
        new("213", Ep.Each((e, c, x) => Ep.NoProviderNeeded(e) && e.PlaceProvider is not null, "PLACE_PROVIDER")),
        new("214", Ep.Each((e, c, x) => Ep.NoProviderNeeded(e) && (e.PlPost is not null || e.Urn is not null), "PL_POST", "URN")),
        new("526", Ep.Each((e, c, x) => e.Place is not null && !Ep.NoProviderNeeded(e) && e.PlaceProvider is null, "PLACE", "PLACE_PROVIDER")),
        new("527", Ep.Each((e, c, x) => Ep.ProviderWith(e, "PR1", "P1", "R2", "R5"), "PLACE", "PLACE_PROVIDER")),
        new("528", Ep.Each((e, c, x) => Ep.ProviderWith(e, "PR2", "P1", "R2", "R5"), "PLACE", "PLACE_PROVIDER")),
        new("529", Ep.Each((e, c, x) => Ep.ProviderWith(e, "PR3", "P1", "A3", "A4", "A5", "A6", "K1", "K2", "U1", "U2", "U3", "U4", "U5", "U6"), "PLACE", "PLACE_PROVIDER")),
        new("530", Ep.Each((e, c, x) => Ep.ProviderWith(e, "PR4", "P1"), "PLACE", "PLACE_PROVIDER")),
        new("531", Ep.Each((e, c, x) => Ep.ProviderWith(e, "PR5", "P1"), "PLACE", "PLACE_PROVIDER")),
        new("550", Ep.Each((e, c, x) => e.PlaceProvider == "PR0" && e.Place is not null and not "P1", "PLACE", "PLACE_PROVIDER")),
        new("516", Ep.Each((e, c, x) => In(e.Rec, "E45", "E46") && e.Place is not null && !e.Place.StartsWith('U'), "PLACE", "REC")),

        // OC2
        new("180", Oc.Oc2(Oc.SdqScoreInvalid, "SDQ_SCORE")),
        new("181", Oc.Oc2(Oc.FlagsInvalid, Oc2Flags)),
        new("196", Oc.Oc2(Oc.SdqReasonInvalid, "SDQ_REASON")),
        new("197a", Oc.Oc2(Oc.ScoreAndReason, "SDQ_REASON", "SDQ_SCORE")),
        new("158", Oc.Oc2(Oc.ReceivedAndOffered, "INTERVENTION_OFFERED", "INTERVENTION_RECEIVED")),
        new("159", Oc.Oc2(Oc.NotReceivedNoOffered, "INTERVENTION_OFFERED", "INTERVENTION_RECEIVED", "SUBSTANCE_MISUSE")),
        new("192", Oc.Oc2(Oc.MisuseWithoutReceived, "INTERVENTION_RECEIVED", "SUBSTANCE_MISUSE")),
        new("193", Oc.Oc2(Oc.NoMisuseButIntervention, "INTERVENTION_OFFERED", "INTERVENTION_RECEIVED", "SUBSTANCE_MISUSE")),
        new("182", Oc.Oc2(Oc.PartlyCompleted, Oc2Flags)),
        new("544", Oc.Oc2(Oc.ConvictedWithoutCore, "CONVICTED", "HEALTH_ASSESSMENT", "IMMUNISATIONS", "SUBSTANCE_MISUSE", "TEETH_CHECK")),
        new("547", Oc.Oc2(Oc.HealthCheckWithoutCore, "HEALTH_ASSESSMENT", "HEALTH_CHECK", "IMMUNISATIONS", "SUBSTANCE_MISUSE", "TEETH_CHECK")),
        new("542", Oc.Oc2(Oc.ConvictedUnderTen, "CONVICTED")),
        new("546", Oc.Oc2(Oc.HealthCheckFiveOrOver, "DOB", "HEALTH_CHECK")),
        new("188", Oc.Oc2(Oc.SdqUnderFour, "SDQ_REASON", "SDQ_SCORE")),
        new("189", Oc.Oc2(Oc.SdqSeventeenOrOver, "DOB", "SDQ_REASON", "SDQ_SCORE")),
        new("157", Oc.Oc2(Oc.Sdq1InAgeRange, "DOB", "SDQ_REASON")),
        new("185", Oc.Oc2(Oc.ScoreNotInCohort, "SDQ_SCORE")),
        new("198", Oc.Oc2(Oc.ReasonNotInCohort, "SDQ_REASON")),
        new("190", Oc.Oc2(Oc.OutcomesNotInCohort, Oc2Flags)),
        new("191", Oc.CohortMissingOutcomesOrRow),
        new("186", Oc.Oc2(Oc.CohortMissingScore, "SDQ_SCORE")),
        new("543", Oc.Oc2(Oc.CohortMissingConviction, "CONVICTED", "DOB")),
        new("545", Oc.Oc2(Oc.CohortMissingHealthCheck, "DOB", "HEALTH_CHECK")),
        new("187", Oc.CohortWithAdoptionOrLeaving),

        // OC3
        new("131", Oc.Oc3(Oc.InTouchInvalid, "IN_TOUCH")),
        new("132", Oc.Oc3(Oc.ActivityInvalid, "ACTIV")),
        new("133", Oc.Oc3(Oc.AccommodationInvalid, "ACCOM")),
        new("153", Oc.Oc3(Oc.PartlyBlank, Oc3Fields)),
        new("344", Oc.Oc3(Oc.DiedOrHomeWithActivity, Oc3Fields)),
        new("345", Oc.Oc3(Oc.InTouchButZero, Oc3Fields)),
        new("391", Oc.Oc3(Oc.NotCareLeaverAge, "ACCOM", "ACTIV", "DOB", "IN_TOUCH")),
        new("134", Oc.Oc3(Oc.AlsoAdopted, Oc3Fields)),
        new("215", Oc.Oc3(Oc.AlsoOc2Outcomes, Oc3Fields)),
        new("1014", Oc.UascForCareLeaver),

        // AD1
        new("112", Ad.Ad1(Ad.DateIntInvalid, "DATE_INT")),
        new("113", Ad.Ad1(Ad.DateMatchInvalid, "DATE_MATCH")),
        new("114", Ad.Ad1(Ad.FosterCareInvalid, "FOSTER_CARE")),
        new("175", Ad.Ad1(Ad.NumberInvalid, "NB_ADOPTR")),
        new("176", Ad.Ad1(Ad.SexInvalid, "SEX_ADOPTR")),
        new("177", Ad.Ad1(Ad.LegalStatusInvalid, "LS_ADOPTR")),
        new("151", Ad.Ad1(Ad.PartlyBlank, Ad1Fields)),
        new("333", Ad.Ad1(Ad.DecisionAfterMatch, "DATE_INT")),
        new("511", Ad.Ad1(Ad.TwoAdoptersNotCouple, "NB_ADOPTR", "SEX_ADOPTR")),
        new("514", Ad.Ad1(Ad.SingleButCouple, "LS_ADOPTR", "SEX_ADOPTR")),
        new("517", Ad.Ad1(Ad.L3NotMf, "LS_ADOPTR", "SEX_ADOPTR")),
        new("518", Ad.Ad1(Ad.L4NotSameGender, "LS_ADOPTR", "SEX_ADOPTR")),
        new("519", Ad.Ad1(Ad.L2NotCouple, "LS_ADOPTR", "SEX_ADOPTR")),
        new("520", Ad.Ad1(Ad.L11SameGender, "LS_ADOPTR", "SEX_ADOPTR")),
        new("524", Ad.Ad1(Ad.L12NotSameGender, "LS_ADOPTR", "SEX_ADOPTR")),
        new("602", Ad.Ad1(Ad.NotAdoptedInYear, "CHILD")),
        new("601", Ad.AdoptedWithoutAd1),
        new("582", Ad.Ad1(Ad.MatchedOnAdoptionDay, "DATE_MATCH", "DEC")),
        new("525", Ad.Ad1(Ad.AdoptedAfterReversal, "DATE_INT", "DATE_MATCH", "DATE_PLACED_CEASED", "FOSTER_CARE", "LS_ADOPTR", "NB_ADOPTR", "SEX_ADOPTR")),
        new("523", Ad.Ad1(Ad.DecisionDatesDiffer, "DATE_INT", "DATE_PLACED")),

        // PlacedAdoption
        new("115", Ad.Placed(Ad.DatePlacedInvalid, "DATE_PLACED")),
        new("116", Ad.Placed(Ad.DatePlacedCeasedInvalid, "DATE_PLACED_CEASED")),
        new("119", Ad.Placed(Ad.CeasedDateAndReasonNotBoth, "DATE_PLACED_CEASED", "REASON_PLACED_CEASED")),
        new("120", Ad.Placed(Ad.ReasonInvalid, "REASON_PLACED_CEASED")),
        new("184", Ad.Placed(Ad.DecisionBeforeBirth, "DATE_PLACED", "DOB")),
        new("522", Ad.Placed(Ad.DecisionAfterReversal, "DATE_PLACED", "DATE_PLACED_CEASED")),
        new("563", Ad.Placed(Ad.ReversalWithoutDecision, "DATE_PLACED", "DATE_PLACED_CEASED", "REASON_PLACED_CEASED")),
        new("117", Ad.Placed(Ad.DecisionAfterYearOrCare, "DATE_PLACED", "DATE_PLACED_CEASED", "DEC", "DECOM", "REC")),
        new("579", Ad.OverlappingDecisions),
        new("551", Ad.PlacedWithoutDecision),
        new("553", Ad.OrderWithoutDecision("E1")),
        new("555", Ad.OrderWithoutDecision("D1")),
        new("552", Ad.DecisionAfter(Ad.IsPlacedForAdoption, "DATE_PLACED", "DECOM")),
        new("554", Ad.DecisionAfter(e => e.Ls == "E1", "DATE_PLACED", "DECOM", "LS")),
        new("556", Ad.DecisionAfter(e => e.Ls == "D1", "DATE_PLACED", "DECOM")),
        new("558", Ad.AdoptedButReversed),
        new("557", Ad.LeftCareWithOpenDecision),

        // Previous permanence
        new("630", Ad.PrevPermMissing),
        new("631", Ad.PrevPerm(p => p.PrevPerm is not null && !Ssda903Schema.PreviousPermanence.Contains(p.PrevPerm), "PREV_PERM")),
        new("635", Ad.PrevPerm(p => p.PrevPerm == "Z1" && (p.DatePerm is not null || p.LaPerm is not null), "DATE_PERM", "LA_PERM", "PREV_PERM")),

        // Missing
        new("1004", Mi.Each(Mi.StartInvalid, "MIS_START")),
        new("1005", Mi.Each(Mi.EndInvalid, "MIS_END")),
        new("1006", Mi.Each(Mi.TypeInvalid, "MISSING")),
        new("564", Mi.Each(Mi.TypeWithoutStart, "MISSING", "MIS_START")),
        new("565", Mi.Each(Mi.StartWithoutType, "MISSING", "MIS_START")),
        new("566", Mi.Each(Mi.EndWithoutType, "MISSING", "MIS_END")),
        new("567", Mi.Each(Mi.EndBeforeStart, "MIS_END", "MIS_START")),
        new("570", Mi.Each(Mi.StartAfterYear, "MIS_START")),
        new("571", Mi.Each(Mi.EndOutsideYear, "MIS_END")),
        new("586", Mi.Each(Mi.BeforeBirth, "MIS_START")),
        new("581", Mi.Each(Mi.BeforeLookedAfter, "MIS_START")),
        new("578", Mi.Each(Mi.AfterCareEnded, "MIS_START")),
        new("577", Mi.Each(Mi.OpenAfterCareEnded, "MIS_END")),
        new("574", Mi.Overlapping),
        new("580", Mi.MissingWhenCeased),

        // Integrity
        new("INT01", Rt.NotInHeader(T.Ad1, c => c.Ad1)),
        new("INT02", Rt.NotInHeader(T.PlacedAdoption, c => c.PlacedAdoption)),
        new("INT03", Rt.NotInHeader(T.Episodes, c => c.Episodes)),
        new("INT04", Rt.NotInHeader(T.Missing, c => c.Missing)),
        new("INT05", Rt.NotInHeader(T.Oc2, c => c.Oc2)),
        new("INT06", Rt.NotInHeader(T.Oc3, c => c.Oc3)),
        new("INT07", Rt.NotInHeader(T.PrevPerm, c => c.PrevPerm)),
        new("INT08", Rt.NotInHeader(T.Reviews, c => c.Reviews)),
        new("INT09", Rt.NotInHeader(T.Uasc, c => c.Uasc)),
        new("INT11", Rt.DobDiffers(T.Ad1, c => c.Ad1, r => r.Dob)),
        new("INT12", Rt.DobDiffers(T.PlacedAdoption, c => c.PlacedAdoption, r => r.Dob)),
        new("INT13", Rt.DobDiffers(T.Missing, c => c.Missing, r => r.Dob)),
        new("INT14", Rt.DobDiffers(T.Oc2, c => c.Oc2, r => r.Dob)),
        new("INT15", Rt.DobDiffers(T.Oc3, c => c.Oc3, r => r.Dob)),
        new("INT16", Rt.DobDiffers(T.PrevPerm, c => c.PrevPerm, r => r.Dob)),
        new("INT17", Rt.DobDiffers(T.Reviews, c => c.Reviews, r => r.Dob)),
        new("INT18", Rt.DobDiffers(T.Uasc, c => c.Uasc, r => r.Dob)),
        new("INT21", Rt.UascSexDiffers),
        new("INT31", Rt.Once(T.Ad1, c => c.Ad1)),
        new("INT32", Rt.Once(T.Header, c => c.Headers)),
        new("INT33", Rt.Once(T.Oc2, c => c.Oc2)),
        new("INT34", Rt.Once(T.Oc3, c => c.Oc3)),
        new("INT35", Rt.Once(T.PrevPerm, c => c.PrevPerm)),
        new("INT36", Rt.Once(T.Uasc, c => c.Uasc)),

        // Last year's episodes
        new("502", Rt.OpenEpisodeStartMoved),
        new("503A", Rt.OpenEpisodeDiffers(e => e.Rne, "RNE")),
        new("503B", Rt.OpenEpisodeDiffers(e => e.Ls, "LS")),
        new("503C", Rt.OpenEpisodeDiffers(e => e.Cin, "CIN")),
        new("503D", Rt.OpenEpisodeDiffers(e => e.Place, "PLACE")),
        new("503E", Rt.OpenEpisodeDiffers(e => e.PlaceProvider, "PLACE_PROVIDER")),
        new("503F", Rt.OpenEpisodeDiffers(e => e.Urn, "URN")),
        new("NoE", Rt.NoEpisodesLastYear),
        new("562", Rt.ContinuingEpisodeMissingLastYear),

        // Social worker episodes
        new("SW02STG1", Rt.SocialWorker(s => s.SwId is { } id && !id.StartsWith("SW", StringComparison.Ordinal) && !id.StartsWith("XX", StringComparison.Ordinal), "SW_ID")),
        new("SW04STG1", Rt.SocialWorker(s => s.Decom.Missing, "SW_DECOM")),
        new("SW05STG1", Rt.SocialWorker(s => s.Dec.Invalid, "SW_DEC")),
        new("SW13STG1", Rt.SocialWorker(s => s.Reason is not null && !Ssda903Schema.SocialWorkerReason.Contains(s.Reason), "SW_REASON")),
        new("SW09STG2", Rt.SocialWorker(s => s.Decom.Value is { } d && s.Dec.Value == d, "SW_DEC", "SW_DECOM")),
        new("SW15STG2", Rt.SocialWorker(s => s.Dec.Given && s.Reason is null, "SW_REASON")),
        new("SW10STG2", Rt.SocialWorkerAfter((s, previous) => previous.Dec.Value is { } ended && s.Decom.Value < ended, false, "SW_DECOM")),
        new("SW108STG2", Rt.SocialWorkerAfter((s, previous) => !previous.Dec.Given, true, "SW_DEC")),

        // Header against the episodes
        new("393", Ch.MotherBlankWhileLookedAfter),
        new("607", Ch.MotherBlankWhenCeased),
        new("399", Ch.ShortBreaksWithMotherOrReviews),
        new("209", Ch.Un1AtSchoolAge),

        // Placements, postcodes, URNs and runs of episodes
        new("392b", Ep.Each(Pl.NoPostcodes, "HOME_POST", "PL_POST")),
        new("392d", Ep.Each(Pl.SamePostcodes, "HOME_POST", "PLACE", "PL_POST")),
        new("218", Ep.Each(Pl.UrnMissing, "URN")),
        new("222", Ep.Each(Pl.UrnNotExpected, "URN")),
        new("225", Pl.PlaceChangeReasonMissing),
        new("226", Pl.PlaceChangeReasonNotRequired),
        new("435", Pl.PlacementOnlyNotReflected),
        new("436", Pl.BothNotReflected),
        new("383", Pl.TemporaryNotReturned),
        new("377", Pl.TooManyHolidayPlacements),
        new("359", Ep.Each(Pl.OverEighteenNotV2K2, "DEC", "LS", "PLACE")),
        new("390", Ep.Each(Pl.AdoptedNotPlacedForAdoption, "PLACE", "REC")),
        new("408", Ep.Each(Pl.PlacementOrderPlacementWithoutOrder, "LS", "PLACE")),
        new("451", Ep.Each(Pl.StillFreed, "DEC", "LS", "REC")),
        new("336", Pl.AdoptionByCarersNotAfterFostering),
        new("575", Pl.MissingOpenAfterPlacementEnded),

        // Adoption and previous permanence against the episodes
        new("331", Pe.Ad1(Pe.MatchedAfterPlaced, "DATE_MATCH", "DECOM", "REC")),
        new("334", Pe.Ad1(Pe.DecisionBeforeCare, "DATE_INT", "DECOM", "RNE")),
        new("521", Pe.Ad1(Pe.DecisionAfterPlaced, "DATE_INT", "DECOM", "PLACE")),
        new("335", Pe.Ad1(Pe.FosterCareDisagrees, "FOSTER_CARE", "PLACE")),
        new("1003", Pe.Placed(Pe.PlacedBeforeCare, "DATE_PLACED", "DECOM", "RNE")),
        new("118", Pe.Placed(Pe.ReversalBeforeYearOrCare, "DATE_PLACED_CEASED", "DECOM")),
        new("583", Pe.EarlierDecisionNotReversed),
        new("632", Pe.PermanenceDateInvalid),
        new("634", Pe.PermanenceBefore2016),

        // OC2 at the edges of the SDQ ages
        new("197B", Oc.Oc2((r, f) => f.InCohort && (f.AgeAtEnd == 4 || (f.AgeAtEnd == 17 && f.AgeAtStart == 16)) && !r.SdqScore.Given && r.SdqReason is null, "DOB", "SDQ_REASON")),

        // Care leavers (OC3)
        new("1000", Cl.Given(Cl.DiedInCare)),
        new("1001", Cl.Given(Cl.NotRelevant)),
        new("1002", Cl.Given(Cl.NoEpisodesEver)),
        new("1007", Cl.Given(Cl.StillLookedAfter)),
        new("1016", Cl.Given(Cl.CeasedAfterBirthday)),
        new("1010", Cl.Given(Cl.OpenLastYearNoneNow)),
        new("1011", Cl.Given(Cl.TransferredToAnotherLa)),
        new("1012", Cl.OtherDataWithoutEpisodes),
        new("3001", Oc.Oc3(Cl.FosterCarerAtSeventeen, "ACCOM")),
        new("347", Oc.Oc3(Cl.FoyerUnderEighteen, "ACCOM")),
        new("628", Cl.MotherForCareLeaverNotLookedAfter),

        // Last year's UASC, placed for adoption, missing and social worker tables; last year's mother status
        new("205A", Ly.UascEndedUnsupported),
        new("205B", Ly.UascDatesDisagree),
        new("205C", Ly.DucWithoutUascEitherYear),
        new("205D", Ly.UascNowButNotLastYear),
        new("559", Ly.EarlierDecisionNotReturnedLastYear),
        new("560", Ly.OpenDecisionDateChanged),
        new("561", Ly.AfterReversedDecision(sameDate: true)),
        new("584", Ly.AfterReversedDecision(sameDate: false)),
        new("576", Ly.OpenMissingNotCarried),
        new("SW16aSTG2", Ly.SocialWorkerOpenDiffers((now, open) => now.SwId != open.SwId, "SW_ID")),
        new("SW16bSTG2", Ly.SocialWorkerOpenDiffers((now, open) => now.Decom.Value != open.Decom.Value, "SW_DECOM")),
        new("SW16cSTG2", Ly.SocialWorkerOpenDiffers((now, open) => open.Reason is not null && now.Reason != open.Reason, "SW_REASON")),
        new("207", Ly.MotherStatusDisagrees),
        new("626", Ly.MotherBeforeYearButNotLastYear),

        // Social worker episodes against the year and the child's care
        new("SW01STG1", Sw.NoSocialWorker),
        new("SW03STG1", Sw.Each(Sw.Incomplete, "SW_DECOM", "SW_ID", "SW_REASON")),
        new("SW06STG2", Sw.Each(Sw.StartsAfterPeriod, "SW_DECOM")),
        new("SW07STG2", Sw.Each(Sw.EndsOutsidePeriod, "SW_DEC")),
        new("SW11STG2", Sw.EndedWithoutNext),
        new("SW12STG2", Sw.YearNotCovered),
        new("SW14STG2", Sw.OpenAfterCareEnded),

        // Derived from the postcodes and the URN: distance, placement authority and location, Ofsted's register
        new("398", Ep.Each(Re.PostcodesForShortBreak, "HOME_POST", "LS", "PL_POST")),
        new("420", Ep.Each(Re.PlacementPostcodeForShortBreak, "PL_LA")),
        new("406", Ep.Each(Re.DistanceForUasc, "PL_DISTANCE")),
        new("392a", Ep.Each(Re.NoDistance, "PL_DISTANCE")),
        new("633", Ad.PrevPerm(Re.LaPermInvalid, "LA_PERM")),
        new("164", Ep.Each(Re.DistanceNotDerivable, "PL_DISTANCE"), N.Postcodes),
        new("392c", Ep.Each(Re.PostcodeNotKnown, "HOME_POST", "PL_POST"), N.Postcodes),
        new("169", Ep.Each(Re.PlacementLaMissing, "PL_LA"), N.Postcodes),
        new("179", Ep.Each(Re.LocationNotDerivable, "PL_LOCATION"), N.Postcodes | N.LocalAuthority),
        new("1015", Ep.Each(Re.OwnProvisionOutside, "PL_LA"), N.Postcodes | N.LocalAuthority),
        new("411", Ep.Each(Re.LocationDisagrees, "PL_LOCATION", "PL_LA"), N.LocalAuthority),
        new("452", Re.LastYearDiffers(Re.PlacementLaOf, false, "PL_LA"), N.Postcodes),
        new("453", Re.LastYearDiffers(Re.DistanceOf, false, "PL_DISTANCE"), N.Postcodes),
        new("503G", Re.LastYearDiffers(Re.DistanceOf, true, "PL_DISTANCE"), N.Postcodes),
        new("503H", Re.LastYearDiffers(Re.PlacementLaOf, true, "PL_LA"), N.Postcodes),
        new("503J", Re.LastYearDiffers(Re.LocationOf, true, "PL_LOCATION"), N.Postcodes | N.LocalAuthority),
        new("1008", Ep.Each(Re.UrnNotRegistered, "URN"), N.Providers),
        new("219", Re.Registered(Re.PlaceNotProvided, "PLACE", "URN"), N.Providers),
        new("221", Re.Registered(Re.PostcodeNotProviders, "PL_POST"), N.Providers),
        new("224", Re.Registered(Re.ProviderCodeNotProviders, "PLACE_PROVIDER"), N.Providers),
        new("227", Re.Registered(Re.NotRegisteredAtStart, "DECOM", "URN"), N.Providers),
        new("228", Re.Registered(Re.ClosedBeforeEnd, "DEC", "URN"), N.Providers),
        new("229", Re.Registered(Re.ProviderLaDisagrees, "PLACE_PROVIDER", "URN"), N.Providers | N.LocalAuthority),
    ];
}
