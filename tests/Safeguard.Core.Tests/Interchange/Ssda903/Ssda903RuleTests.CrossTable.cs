using static Safeguard.Core.Tests.Interchange.Ssda903.Ssda903Fixture;
using T = Safeguard.Interchange.Ssda903.Ssda903Table;

namespace Safeguard.Core.Tests.Interchange.Ssda903;

/// <summary>
/// The cases of the rules that read more than one table or last year's tables (see <see cref="Ssda903RuleTests"/>
/// for how a case is run): the header against the episodes, placements and runs of episodes, adoption dates against
/// the placement, care leavers, last year's tables and the social worker episodes.
/// </summary>
public sealed partial class Ssda903RuleTests
{
    private static readonly Dictionary<string, (Action<Ssda903Fixture> Fail, Action<Ssda903Fixture> Pass)> CrossTableCases = new()
    {
        // Header against the episodes (C1 is 12 on 31 March 2025)
        ["393"] = (f => Set(f.Header, ("SEX", "2"), ("DOB", "31/03/2014")), f => Set(f.Header, ("SEX", "2"), ("DOB", "01/04/2014"))),
        ["607"] = (f => { Set(f.Header, ("SEX", "2")); f.EndCare("31/01/2025", "E13"); }, f => { Set(f.Header, ("SEX", "2"), ("MOTHER", "0")); f.EndCare("31/01/2025", "E13"); }
        ),
        ["399"] = (f => Set(f.Episode, ("LS", "V3")), f => { Set(f.Episode, ("LS", "V3")); f.Rows(T.Reviews).Clear(); }
        ),
        ["209"] = (f => Set(f.Header, ("UPN", "UN1"), ("DOB", "31/08/2019")), f => Set(f.Header, ("UPN", "UN1"), ("DOB", "01/09/2019"))),

        // Placements, postcodes, URNs and runs of episodes
        ["392b"] = (f => Set(f.Episode, ("HOME_POST", null), ("PL_POST", null)), f => Set(f.Episode, ("HOME_POST", null))),
        ["392d"] = (f => Set(f.Episode, ("PL_POST", "m1 1aa")), f => Set(f.Episode, ("PL_POST", "m1 1aa"), ("PLACE", "P1"))),
        ["218"] = (f => { Set(f.Episode, ("URN", null)); f.EndCare("01/04/2024", "E13"); }, f => { Set(f.Episode, ("URN", null)); f.EndCare("31/03/2024", "E13"); }
        ),
        ["222"] = (f => Set(f.Episode, ("PLACE", "R1")), f => Set(f.Episode, ("PLACE", "R1"), ("URN", "XXXXXXX"))),
        ["225"] = (f => Continue(f, "01/06/2024", "P", ("PLACE", "U2")), f => { Continue(f, "01/06/2024", "P", ("PLACE", "U2")); Set(f.Episode, ("REASON_PLACE_CHANGE", "CARPL")); }
        ),
        ["226"] = (f => { Continue(f, "01/06/2024", "P", ("PLACE", "T4")); Set(f.Episode, ("REASON_PLACE_CHANGE", "CARPL")); },
            f => { Continue(f, "01/06/2024", "P", ("PLACE", "U2")); Set(f.Episode, ("REASON_PLACE_CHANGE", "CARPL")); }
        ),
        ["435"] = (f => Continue(f, "01/06/2024", "P"), f => Continue(f, "01/06/2024", "P", ("PLACE", "U2"))),
        ["436"] = (f => Continue(f, "01/06/2024", "B", ("PLACE", "U2")), f => Continue(f, "01/06/2024", "B", ("PLACE", "U2"), ("LS", "C1"))),
        ["383"] = (f => Temporary(f, "U2"), f => Temporary(f, "U1")),
        ["377"] = (f => Holidays(f, "28/02/2025"), f => Holidays(f, "01/03/2025")),
        ["364"] = (f => Lasting(f, "LS", "J2", "23/03/2025"), f => Lasting(f, "LS", "J2", "22/03/2025")),
        ["359"] = (f => Set(f.Header, ("DOB", "30/03/2007")), f => Set(f.Header, ("DOB", "31/03/2007"))),
        ["390"] = (f => f.EndCare("31/01/2025", "E11"), f => { Set(f.Episode, ("PLACE", "A4")); f.EndCare("31/01/2025", "E11"); }
        ),
        ["408"] = (f => Set(f.Episode, ("PLACE", "A5")), f => Set(f.Episode, ("PLACE", "A5"), ("LS", "E1"))),
        ["451"] = (f => Set(f.Episode, ("LS", "D1")), f => { Set(f.Episode, ("LS", "D1")); f.EndCare("31/01/2025", "E13"); }
        ),
        ["336"] = (f => { Set(f.Episode, ("PLACE", "R1")); Continue(f, "01/06/2024", "P", ("PLACE", "A3")); }, f => Continue(f, "01/06/2024", "P", ("PLACE", "A3"))),
        ["575"] = (f => { Continue(f, "01/06/2024", "P", ("PLACE", "U2")); f.Add(T.Missing, ("MIS_START", "01/05/2024"), ("MIS_END", null)); },
            f => { Continue(f, "01/06/2024", "P", ("PLACE", "U2")); f.Add(T.Missing, ("MIS_START", "01/06/2024"), ("MIS_END", null)); }
        ),

        // Adoption and previous permanence against the episodes
        ["331"] = (f => { f.Add(T.Ad1); Continue(f, "30/06/2024", "P", ("PLACE", "A3")); }, f => { f.Add(T.Ad1); Continue(f, "01/07/2024", "P", ("PLACE", "A3")); }
        ),
        ["334"] = (f => f.Add(T.Ad1, ("DATE_INT", "28/02/2023")), f => f.Add(T.Ad1, ("DATE_INT", "01/03/2023"))),
        ["521"] = (f => { f.Add(T.Ad1); Continue(f, "31/05/2024", "P", ("PLACE", "A4")); }, f => { f.Add(T.Ad1); Continue(f, "01/06/2024", "P", ("PLACE", "A4")); }
        ),
        ["335"] = (f => { f.Add(T.Ad1, ("FOSTER_CARE", "0")); Continue(f, "01/07/2024", "P", ("PLACE", "A3")); }, f => { f.Add(T.Ad1, ("FOSTER_CARE", "1")); Continue(f, "01/07/2024", "P", ("PLACE", "A3")); }
        ),
        ["1003"] = (f => f.Add(T.PlacedAdoption, ("DATE_PLACED", "28/02/2023")), f => f.Add(T.PlacedAdoption, ("DATE_PLACED", "01/03/2023"))),
        ["118"] = (f => f.Add(T.PlacedAdoption, ("DATE_PLACED", "01/02/2024"), ("DATE_PLACED_CEASED", "31/03/2024"), ("REASON_PLACED_CEASED", "RD1")),
            f => f.Add(T.PlacedAdoption, ("DATE_PLACED", "01/02/2024"), ("DATE_PLACED_CEASED", "01/04/2024"), ("REASON_PLACED_CEASED", "RD1"))),
        ["583"] = (f => { f.Add(T.PlacedAdoption); f.Add(T.PlacedAdoption, ("DATE_PLACED", "01/08/2024")); },
            f => { f.Add(T.PlacedAdoption, ("DATE_PLACED_CEASED", "01/07/2024"), ("REASON_PLACED_CEASED", "RD1")); f.Add(T.PlacedAdoption, ("DATE_PLACED", "01/08/2024")); }
        ),
        ["632"] = (f => Set(f.Rows(T.PrevPerm)[0], ("PREV_PERM", "P1"), ("DATE_PERM", "01/03/2023")), f => Set(f.Rows(T.PrevPerm)[0], ("PREV_PERM", "P1"), ("DATE_PERM", "ZZ/02/2023"))),
        ["634"] = (f => Set(f.Episode, ("DECOM", "31/03/2016")), f => Set(f.Episode, ("DECOM", "01/04/2016"))),
        ["197B"] = (f => { Set(f.Header, ("DOB", "01/04/2020")); Set(f.Oc2, ("SDQ_SCORE", null)); }, f => { Set(f.Header, ("DOB", "01/04/2020")); Set(f.Oc2, ("SDQ_SCORE", null), ("SDQ_REASON", "SDQ1")); }
        ),

        // Care leavers (OC3)
        ["1000"] = (f => { f.Add(T.Oc3); f.EndCare("31/01/2025", "E2"); }, f => { f.Add(T.Oc3); f.EndCare("31/01/2025", "E13"); }
        ),
        ["1011"] = (f => { f.Add(T.Oc3); f.EndCare("31/01/2025", "E3"); }, f => { f.Add(T.Oc3); f.EndCare("31/01/2025", "E13"); }
        ),
        ["1001"] = (f => { CareLeaver(f, "31/03/2009"); f.Add(T.EpisodesLast); }, f => { CareLeaver(f, "30/03/2009"); f.Add(T.EpisodesLast); }
        ),
        ["1002"] = (f => { CareLeaver(f, "01/04/2006"); f.Add(T.EpisodesLast, ("CHILD", "C9")); f.Rows(T.Episodes).Clear(); },
            f => { CareLeaver(f, "31/03/2006"); f.Add(T.EpisodesLast, ("CHILD", "C9")); f.Rows(T.Episodes).Clear(); }
        ),
        ["1007"] = (f => CareLeaver(f, "01/06/2007"), f => { CareLeaver(f, "01/06/2007"); f.EndCare("31/05/2024", "E13"); }
        ),
        ["1016"] = (f => { CareLeaver(f, "01/06/2007"); f.EndCare("02/06/2024", "E13"); }, f => { CareLeaver(f, "01/06/2007"); f.EndCare("01/06/2024", "E13"); }
        ),
        ["1010"] = (f => { f.Add(T.Oc3); f.Rows(T.Episodes).Clear(); f.Add(T.EpisodesLast); },
            f => { f.Add(T.Oc3); f.Rows(T.Episodes).Clear(); f.Add(T.EpisodesLast, ("DEC", "01/03/2024"), ("REC", "E13")); }
        ),
        ["1012"] = (f => { f.Add(T.Oc3); f.Rows(T.Episodes).Clear(); }, f => { f.Add(T.Oc3); Clear(f, T.Episodes, T.Reviews, T.Oc2, T.PrevPerm, T.SocialWorker); }
        ),
        ["3001"] = (f => CareLeaver(f, "01/04/2007", ("ACCOM", "Z1")), f => CareLeaver(f, "31/03/2007", ("ACCOM", "Z1"))),
        ["347"] = (f => CareLeaver(f, "01/04/2007", ("ACCOM", "T1")), f => CareLeaver(f, "31/03/2007", ("ACCOM", "T1"))),
        ["628"] = (f => { f.Add(T.Oc3); f.Rows(T.Episodes).Clear(); Set(f.Header, ("SEX", "2"), ("MOTHER", "0")); }, f => { f.Add(T.Oc3); f.Rows(T.Episodes).Clear(); Set(f.Header, ("SEX", "2")); }
        ),

        // Last year's UASC, placed for adoption, missing and social worker tables; last year's mother status
        ["205A"] = (f => f.Add(T.UascLast, ("DUC", "01/04/2024")), f => f.Add(T.UascLast, ("DUC", "31/03/2024"))),
        ["205B"] = (f => { f.Add(T.UascLast, ("DUC", "15/06/2030")); f.Add(T.Uasc, ("DUC", "14/06/2030")); }, f => { f.Add(T.UascLast, ("DUC", "15/06/2030")); f.Add(T.Uasc, ("DUC", "15/06/2030")); }
        ),
        ["205C"] = (f => { f.UascFlag("0"); f.Add(T.Uasc, ("DUC", "01/01/2025")); f.Add(T.UascLast, ("CHILD", "C9")); }, f => { f.UascFlag("0"); f.Add(T.Uasc); f.Add(T.UascLast, ("CHILD", "C9")); }
        ),
        ["205D"] = (f => { f.Add(T.HeaderLast); f.Add(T.Uasc); f.Add(T.UascLast, ("CHILD", "C9")); }, f => { f.Add(T.HeaderLast); f.Add(T.Uasc); f.Add(T.UascLast); }
        ),
        ["559"] = (f => { f.Add(T.PlacedAdoption, ("DATE_PLACED", "31/03/2024")); f.Add(T.PlacedAdoptionLast, ("CHILD", "C9")); },
            f => { f.Add(T.PlacedAdoption, ("DATE_PLACED", "01/04/2024")); f.Add(T.PlacedAdoptionLast, ("CHILD", "C9")); }
        ),
        ["560"] = (f => { f.Add(T.PlacedAdoptionLast); f.Add(T.PlacedAdoption, ("DATE_PLACED", "02/06/2023")); }, f => { f.Add(T.PlacedAdoptionLast); f.Add(T.PlacedAdoption, ("DATE_PLACED", "01/06/2023")); }
        ),
        ["561"] = (f => Reversed(f, "01/06/2023"), f => Reversed(f, "02/06/2023")),
        ["584"] = (f => Reversed(f, "31/05/2023"), f => Reversed(f, "01/06/2023")),
        ["576"] = (f => f.Add(T.MissingLast), f => { f.Add(T.MissingLast); f.Add(T.Missing, ("MIS_START", "01/03/2024"), ("MIS_END", "03/04/2024")); }
        ),
        ["SW16aSTG2"] = (f => f.Add(T.SocialWorkerLast, ("SW_ID", "SW999")), f => f.Add(T.SocialWorkerLast)),
        ["SW16bSTG2"] = (f => f.Add(T.SocialWorkerLast, ("SW_DECOM", "01/01/2024")), f => f.Add(T.SocialWorkerLast)),
        ["SW16cSTG2"] = (f => f.Add(T.SocialWorkerLast, ("SW_REASON", "MANAGE")), f => f.Add(T.SocialWorkerLast)),
        ["207"] = (f => { Set(f.Header, ("SEX", "2"), ("MOTHER", "0")); f.Add(T.HeaderLast, ("SEX", "2"), ("MOTHER", "1"), ("MC_DOB", "01/01/2024")); },
            f => { Mother(f, "01/01/2024"); f.Add(T.HeaderLast, ("SEX", "2"), ("MOTHER", "1"), ("MC_DOB", "01/01/2024")); }
        ),
        ["626"] = (f => { Mother(f, "31/03/2024"); f.Add(T.HeaderLast, ("SEX", "2"), ("MOTHER", "0")); }, f => { Mother(f, "01/04/2024"); f.Add(T.HeaderLast, ("SEX", "2"), ("MOTHER", "0")); }
        ),

        // Social worker episodes against the year and the child's care
        ["SW01STG1"] = (f => f.Rows(T.SocialWorker).Clear(), f => { f.Rows(T.SocialWorker).Clear(); f.EndCare("31/01/2025", "E13"); }
        ),
        ["SW03STG1"] = (f => Set(f.SocialWorker, ("SW_DEC", "30/04/2024")), f => Set(f.SocialWorker, ("SW_DEC", "30/04/2024"), ("SW_REASON", "MANAGE"))),
        ["SW06STG2"] = (f => Set(f.SocialWorker, ("SW_DECOM", "01/04/2025")), f => Set(f.SocialWorker, ("SW_DECOM", "31/03/2025"))),
        ["SW07STG2"] = (f => Set(f.SocialWorker, ("SW_DEC", "31/03/2024"), ("SW_REASON", "MANAGE")), f => Set(f.SocialWorker, ("SW_DEC", "01/04/2024"), ("SW_REASON", "MANAGE"))),
        ["SW11STG2"] = (f => Set(f.SocialWorker, ("SW_DEC", "30/03/2025"), ("SW_REASON", "MANAGE")), f => Set(f.SocialWorker, ("SW_DEC", "31/03/2025"), ("SW_REASON", "MANAGE"))),
        ["SW12STG2"] = (f => Set(f.SocialWorker, ("SW_DECOM", "02/04/2024")), f => { Set(f.SocialWorker, ("SW_DECOM", "02/04/2024")); Set(f.Episode, ("DECOM", "02/04/2024")); }
        ),
        // Derived from the postcodes and the URN (with the reference files of Ssda903ReferenceFixture where a rule needs them)
        ["398"] = (f => Set(f.Episode, ("LS", "V3")), f => Set(f.Episode, ("LS", "V3"), ("HOME_POST", null), ("PL_POST", null))),
        ["420"] = (f => Set(f.Episode, ("LS", "V3")), f => Set(f.Episode, ("LS", "V3"), ("PL_POST", null))),
        ["406"] = (f => f.Add(T.Uasc), f => { f.Add(T.Uasc); Set(f.Episode, ("HOME_POST", null)); }
        ),
        ["392a"] = (f => Set(f.Episode, ("HOME_POST", null)), f => Set(f.Episode, ("HOME_POST", null), ("PL_POST", null))),
        ["633"] = (f => Set(f.Rows(T.PrevPerm)[0], ("PREV_PERM", "P1"), ("LA_PERM", "999")), f => Set(f.Rows(T.PrevPerm)[0], ("PREV_PERM", "P1"), ("LA_PERM", "351"))),
        ["164"] = (f => Ref(f, ("HOME_POST", "ZZ9 9ZZ")), f => Ref(f)),
        ["392c"] = (f => Ref(f, ("PL_POST", "M99 9ZZ")), f => Ref(f)),
        ["169"] = (f => Ref(f, ("PL_POST", "M99 9ZZ")), f => Ref(f)),
        ["179"] = (f => Ref(f, ("PL_POST", "M99 9ZZ")), f => Ref(f)),
        ["1015"] = (f => Ref(f, ("PL_POST", "BL9 0SW")), f => Ref(f)),
        ["411"] = (f => Located(f, "IN", "351"), f => Located(f, "IN", "352")),
        ["452"] = (f => { Ref(f); f.Add(T.EpisodesLast, ("PL_POST", "BL9 0SW")); }, f => { Ref(f); f.Add(T.EpisodesLast, ("PL_POST", "M1 1AA")); }
        ),
        ["453"] = (f => { Ref(f); f.Add(T.EpisodesLast, ("HOME_POST", "BL9 0SW")); }, f => { Ref(f); f.Add(T.EpisodesLast); }
        ),
        ["503G"] = (f => { Ref(f); f.Add(T.EpisodesLast, ("HOME_POST", "BL9 0SW")); }, f => { Ref(f); f.Add(T.EpisodesLast); }
        ),
        ["503H"] = (f => { Ref(f); f.Add(T.EpisodesLast, ("PL_POST", "BL9 0SW")); }, f => { Ref(f); f.Add(T.EpisodesLast, ("PL_POST", "M1 1AA")); }
        ),
        ["503J"] = (f => { Ref(f); f.Add(T.EpisodesLast, ("PL_POST", "BL9 0SW")); }, f => { Ref(f); f.Add(T.EpisodesLast, ("PL_POST", "M1 1AA")); }
        ),
        ["1008"] = (f => Ref(f, ("URN", "SC999999")), f => Ref(f, ("URN", "XXXXXXX"))),
        ["219"] = (f => Ref(f, ("PLACE", "U4")), f => Ref(f, ("PLACE", "U3"))),
        ["221"] = (f => Ref(f, ("PL_POST", "M1 1AA")), f => Ref(f, ("PL_POST", "m2 2bb"))),
        ["224"] = (f => Ref(f, ("PLACE_PROVIDER", "PR4")), f => Ref(f, ("PLACE_PROVIDER", "PR1"))),
        ["227"] = (f => Ref(f, ("DECOM", "31/12/2009")), f => Ref(f, ("DECOM", "01/01/2010"))),
        ["228"] = (f => Ref(f, ("URN", "SC222222")), f => { Ref(f, ("URN", "SC222222")); f.EndCare("31/01/2025", "E13"); }
        ),
        ["229"] = (f => Ref(f, ("PLACE_PROVIDER", "PR2")), f => Ref(f, ("PLACE_PROVIDER", "PR2"), ("URN", "SC333333"))),
        ["SW14STG2"] = (f => f.EndCare("31/01/2025", "E13"), f => { f.EndCare("31/01/2025", "E13"); Set(f.SocialWorker, ("SW_DEC", "31/01/2025"), ("SW_REASON", "CHCHAN")); }
        ),
    };

    /// <summary>Validates with the reference files, the baseline episode changed as given.</summary>
    private static void Ref(Ssda903Fixture f, params (string Column, string? Value)[] values)
    {
        f.Reference = Ssda903ReferenceFixture.All;
        Set(f.Episode, values);
    }

    /// <summary>Validates with the reference files, the baseline episode carrying the derived PL_LOCATION and PL_LA columns.</summary>
    internal static void Located(Ssda903Fixture f, string location, string? la)
    {
        Ref(f);
        f.Episode["PL_LOCATION"] = location;
        f.Episode["PL_LA"] = la;
    }

    /// <summary>A temporary placement (T3) from 1 June to 10 June 2024, then back to <paramref name="backTo"/>.</summary>
    private static void Temporary(Ssda903Fixture f, string backTo)
    {
        Continue(f, "01/06/2024", "T", ("PLACE", "T3"));
        Set(f.Rows(T.Episodes)[1], ("DEC", "10/06/2024"), ("REC", "X1"));
        f.Add(T.Episodes, ("DECOM", "10/06/2024"), ("RNE", "T"), ("PLACE", backTo));
    }

    /// <summary>Three holiday placements (T3): from 1 March 2024, 1 June 2024 and <paramref name="third"/>, back in U1 between them.</summary>
    private static void Holidays(Ssda903Fixture f, string third)
    {
        Set(f.Episode, ("PLACE", "T3"), ("DECOM", "01/03/2024"));
        f.EndCare("02/03/2024", "X1");
        f.Add(T.Episodes, ("DECOM", "02/03/2024"), ("RNE", "T"), ("DEC", "01/06/2024"), ("REC", "X1"));
        f.Add(T.Episodes, ("DECOM", "01/06/2024"), ("RNE", "T"), ("PLACE", "T3"), ("DEC", "02/06/2024"), ("REC", "X1"));
        f.Add(T.Episodes, ("DECOM", "02/06/2024"), ("RNE", "T"), ("DEC", third), ("REC", "X1"));
        f.Add(T.Episodes, ("DECOM", third), ("RNE", "T"), ("PLACE", "T3"));
    }

    /// <summary>A care leaver row (OC3) for C1 born on <paramref name="dob"/>.</summary>
    private static void CareLeaver(Ssda903Fixture f, string dob, params (string Column, string? Value)[] values)
    {
        Set(f.Header, ("DOB", dob));
        f.Add(T.Oc3, values);
    }

    /// <summary>Last year's decision of 1 June 2023, reversed on 1 August 2023; this year's return gives a decision of <paramref name="datePlaced"/>.</summary>
    private static void Reversed(Ssda903Fixture f, string datePlaced)
    {
        f.Add(T.PlacedAdoptionLast, ("DATE_PLACED_CEASED", "01/08/2023"), ("REASON_PLACED_CEASED", "RD1"));
        f.Add(T.PlacedAdoption, ("DATE_PLACED", datePlaced), ("DATE_PLACED_CEASED", "01/08/2023"), ("REASON_PLACED_CEASED", "RD1"));
    }

    /// <summary>Every case, the single-table ones and these.</summary>
    private static class AllCases
    {
        public static readonly Dictionary<string, (Action<Ssda903Fixture> Fail, Action<Ssda903Fixture> Pass)> Value =
            SingleTableCases.Concat(CrossTableCases).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
    }

    private static void Clear(Ssda903Fixture f, params T[] tables)
    {
        foreach (var table in tables)
        {
            f.Rows(table).Clear();
        }
    }
}
