using Safeguard.Interchange.Ssda903.Rules;
using static Safeguard.Core.Tests.Interchange.Ssda903.Ssda903Fixture;
using T = Safeguard.Interchange.Ssda903.Ssda903Table;

namespace Safeguard.Core.Tests.Interchange.Ssda903;

/// <summary>
/// Every implemented SSDA903 rule of 2024-25 fires on the valid return (see <see cref="Ssda903Fixture"/>) changed
/// to break it, and stays silent on a near miss: the same change stopped at the edge the DfE text draws (the day
/// before a threshold, the code the rule allows). The near miss may break other rules; only the rule under test
/// is asserted.
/// </summary>
public sealed partial class Ssda903RuleTests
{
    private static readonly Dictionary<string, (Action<Ssda903Fixture> Fail, Action<Ssda903Fixture> Pass)> SingleTableCases = new()
    {
        // Header
        ["101"] = (f => Set(f.Header, ("SEX", "3")), f => Set(f.Header, ("SEX", "2"))),
        ["102"] = (f => Set(f.Header, ("DOB", "31/02/2012")), f => Set(f.Header, ("DOB", "29/02/2012"))),
        ["103"] = (f => Set(f.Header, ("ETHNIC", "XXXX")), f => Set(f.Header, ("ETHNIC", "NOBT"))),
        ["105"] = (f => f.UascFlag("2"), f => f.UascFlag("1")),
        ["165"] = (f => Set(f.Header, ("SEX", "2"), ("MOTHER", "2")), f => Set(f.Header, ("SEX", "2"), ("MOTHER", "0"))),
        ["168"] = (f => Set(f.Header, ("UPN", "I123456789012")), f => Set(f.Header, ("UPN", "UN3"))),
        ["171"] = (f => Mother(f, "32/01/2024"), f => Mother(f, "31/01/2024")),
        ["174"] = (f => Set(f.Header, ("MC_DOB", "01/01/2024")), f => Mother(f, "01/01/2024")),
        ["301"] = (f => Set(f.Header, ("DOB", "01/04/2025")), f => Set(f.Header, ("DOB", "31/03/2025"))),
        ["351"] = (f => Set(f.Header, ("DOB", "31/03/1999")), f => Set(f.Header, ("DOB", "01/04/1999"))),
        ["442"] = (f => Set(f.Header, ("UPN", null)), f => Set(f.Header, ("UPN", "UN1"))),
        ["611"] = (f => Mother(f, null), f => Mother(f, "01/01/2024")),
        ["612"] = (f => Set(f.Header, ("SEX", "2"), ("MOTHER", "0"), ("MC_DOB", "01/01/2024")), f => Mother(f, "01/01/2024")),
        ["620"] = (f => { Mother(f, "01/01/2025"); Set(f.Header, ("DOB", "02/04/2013")); }, f => { Mother(f, "01/01/2025"); Set(f.Header, ("DOB", "01/04/2013")); }
        ),
        ["621"] = (f => Mother(f, "14/06/2012"), f => Mother(f, "15/06/2012")),
        ["625"] = (f => Mother(f, "01/04/2025"), f => Mother(f, "31/03/2025")),
        ["202"] = (f => f.Add(T.HeaderLast, ("SEX", "2")), f => f.Add(T.HeaderLast)),
        ["203"] = (f => f.Add(T.HeaderLast, ("DOB", "16/06/2012")), f => f.Add(T.HeaderLast)),
        ["204"] = (f => f.Add(T.HeaderLast, ("ETHNIC", "WIRI")), f => f.Add(T.HeaderLast)),
        ["208"] = (f => f.Add(T.HeaderLast, ("UPN", "B123456789012")), f => f.Add(T.HeaderLast, ("UPN", "UN3"))),
        ["624"] = (f => { Mother(f, "01/01/2024"); f.Add(T.HeaderLast, ("SEX", "2"), ("MOTHER", "1"), ("MC_DOB", "02/01/2024")); },
            f => { Mother(f, "01/01/2024"); f.Add(T.HeaderLast, ("SEX", "2"), ("MOTHER", "1"), ("MC_DOB", "01/01/2024")); }
        ),
        ["210"] = (f => Set(f.Header, ("UPN", "UN4")), f => { Set(f.Header, ("UPN", "UN4")); Set(f.Episode, ("DECOM", "25/03/2025")); }
        ),
        ["EPI"] = (f => f.Rows(T.Episodes).Clear(), f => { f.Rows(T.Episodes).Clear(); f.Add(T.Oc3); }
        ),

        // UASC
        ["104"] = (f => f.Add(T.Uasc, ("DUC", "xx/06/2030")), f => f.Add(T.Uasc, ("DUC", "14/06/2030"))),
        ["303"] = (f => { f.UascFlag("0"); f.Add(T.Uasc, ("DUC", "01/01/2025")); }, f => { f.UascFlag("1"); f.Add(T.Uasc, ("DUC", "01/01/2025")); }
        ),
        ["304"] = (f => f.Add(T.Uasc, ("DUC", "16/06/2030")), f => f.Add(T.Uasc, ("DUC", "15/06/2030"))),

        // Reviews
        ["166"] = (f => Set(f.Review, ("REVIEW", "10/13/2024")), f => Set(f.Review, ("REVIEW", "31/03/2025"))),
        ["167"] = (f => Set(f.Review, ("REVIEW_CODE", "PN9")), f => Set(f.Review, ("REVIEW_CODE", "PN7"))),
        ["440"] = (f => Under4Review(f, "11/06/2024", "PN0"), f => Under4Review(f, "10/06/2024", "PN0")),
        ["441"] = (f => Under4Review(f, "10/06/2024", "PN1"), f => Under4Review(f, "11/06/2024", "PN1")),

        // Episodes: codes and dates
        ["141"] = (f => Set(f.Episode, ("DECOM", "2023-03-01")), f => Set(f.Episode, ("DECOM", "28/02/2023"))),
        ["143"] = (f => Set(f.Episode, ("RNE", "X")), f => Set(f.Episode, ("RNE", "S"))),
        ["144"] = (f => Set(f.Episode, ("LS", "ZZ")), f => Set(f.Episode, ("LS", "C1"))),
        ["145"] = (f => Set(f.Episode, ("CIN", "N9")), f => Set(f.Episode, ("CIN", "N8"))),
        ["146"] = (f => Set(f.Episode, ("PLACE", "U9")), f => Set(f.Episode, ("PLACE", "U6"))),
        ["147"] = (f => f.EndCare("32/01/2025", "E13"), f => f.EndCare("31/01/2025", "E13")),
        ["148"] = (f => Set(f.Episode, ("DEC", "31/01/2025")), f => f.EndCare("31/01/2025", "E13")),
        ["149"] = (f => f.EndCare("31/01/2025", "E99"), f => f.EndCare("31/01/2025", "E4A")),
        ["178"] = (f => Set(f.Episode, ("PLACE_PROVIDER", "PR9")), f => Set(f.Episode, ("PLACE_PROVIDER", "PR2"))),
        ["1009"] = (f => Set(f.Episode, ("REASON_PLACE_CHANGE", "WHIM")), f => Set(f.Episode, ("REASON_PLACE_CHANGE", "CARPL"))),
        ["353"] = (f => Set(f.Episode, ("DECOM", "13/10/1991")), f => Set(f.Episode, ("DECOM", "14/10/1991"))),
        ["354"] = (f => Set(f.Episode, ("DECOM", "01/04/2025")), f => Set(f.Episode, ("DECOM", "31/03/2025"))),
        ["385"] = (f => f.EndCare("01/04/2025", "E13"), f => f.EndCare("31/03/2025", "E13")),
        ["355"] = (f => f.EndCare("01/03/2023", "E13"), f => f.EndCare("02/03/2023", "E13")),
        ["356"] = (f => f.EndCare("28/02/2023", "E13"), f => f.EndCare("01/03/2023", "E13")),
        ["302"] = (f => Set(f.Episode, ("DECOM", "14/06/2012")), f => Set(f.Episode, ("DECOM", "15/06/2012"))),
        ["445"] = (f => Set(f.Episode, ("LS", "D1"), ("DECOM", "31/12/2005")), f => Set(f.Episode, ("LS", "D1"), ("DECOM", "30/12/2005"))),
        ["446"] = (f => Set(f.Episode, ("LS", "E1"), ("DECOM", "29/12/2005")), f => Set(f.Episode, ("LS", "E1"), ("DECOM", "30/12/2005"))),

        // Episodes: the sequence
        ["142"] = (f => f.Add(T.Episodes, ("DECOM", "01/06/2024"), ("RNE", "P")), f => Continue(f, "01/06/2024", "P")),
        ["501"] = (f => { f.EndCare("10/06/2024", "X1"); f.Add(T.Episodes, ("DECOM", "01/06/2024"), ("RNE", "P")); }, f => Continue(f, "10/06/2024", "P")),
        ["431"] = (f => { f.EndCare("01/06/2024", "E13"); f.Add(T.Episodes, ("DECOM", "01/06/2024")); }, f => { f.EndCare("01/06/2024", "E13"); f.Add(T.Episodes, ("DECOM", "02/06/2024")); }
        ),
        ["432"] = (f => { f.EndCare("01/06/2024", "E13"); f.Add(T.Episodes, ("DECOM", "02/06/2024"), ("RNE", "P")); },
            f => { f.EndCare("01/06/2024", "E13"); f.Add(T.Episodes, ("DECOM", "02/06/2024")); }
        ),
        ["433"] = (f => { f.EndCare("01/06/2024", "X1"); f.Add(T.Episodes, ("DECOM", "02/06/2024"), ("RNE", "P")); }, f => Continue(f, "01/06/2024", "P")),
        ["434"] = (f => Continue(f, "01/06/2024", "L"), f => Continue(f, "01/06/2024", "L", ("LS", "C1"))),
        ["437"] = (f => { f.EndCare("01/06/2024", "E15"); f.Add(T.Episodes, ("DECOM", "02/06/2024")); }, f => { f.EndCare("01/06/2024", "E13"); f.Add(T.Episodes, ("DECOM", "02/06/2024")); }
        ),
        ["388"] = (f => f.EndCare("01/06/2024", "X1"), f => Continue(f, "01/06/2024", "P")),
        ["357"] = (f => Set(f.Episode, ("RNE", "P")), f => Set(f.Episode, ("RNE", "S"))),
        ["504"] = (f => Continue(f, "01/06/2024", "P", ("CIN", "N2")), f => Continue(f, "01/06/2024", "P")),
        ["199"] = (f => { f.EndCare("01/06/2024", "E11"); f.Add(T.Episodes, ("DECOM", "01/07/2024")); }, f => { f.EndCare("01/06/2024", "E13"); f.Add(T.Episodes, ("DECOM", "01/07/2024")); }
        ),

        // Episodes: ages, durations, placements and legal statuses
        ["352"] = (f => Set(f.Header, ("DOB", "01/03/2005")), f => Set(f.Header, ("DOB", "02/03/2005"))),
        ["358"] = (f => Set(f.Episode, ("LS", "J1"), ("DECOM", "14/06/2022")), f => Set(f.Episode, ("LS", "J1"), ("DECOM", "15/06/2022"))),
        ["371"] = (f => Set(f.Episode, ("PLACE", "H5")), f => { Set(f.Episode, ("PLACE", "H5")); Set(f.Header, ("DOB", "01/03/2007")); }
        ),
        ["372"] = (f => Set(f.Episode, ("PLACE", "R5"), ("DECOM", "14/06/2022")), f => Set(f.Episode, ("PLACE", "R5"), ("DECOM", "15/06/2022"))),
        ["373"] = (f => { Set(f.Episode, ("PLACE", "S1")); Set(f.Header, ("DOB", "02/03/2019")); }, f => { Set(f.Episode, ("PLACE", "S1")); Set(f.Header, ("DOB", "01/03/2019")); }
        ),
        ["374"] = (f => Set(f.Episode, ("PLACE", "P3")), f => { Set(f.Episode, ("PLACE", "P3")); Set(f.Header, ("DOB", "01/03/2009")); }
        ),
        ["386"] = (f => AgedAtEnd(f, "31/01/2007", "E11"), f => AgedAtEnd(f, "01/02/2007", "E11")),
        ["387"] = (f => AgedAtEnd(f, "01/02/2011", "E5"), f => AgedAtEnd(f, "31/01/2011", "E5")),
        ["389"] = (f => AgedAtEnd(f, "01/02/2009", "E7"), f => AgedAtEnd(f, "31/01/2009", "E7")),
        ["407"] = (f => AgedAtEnd(f, "31/01/2007", "E45"), f => AgedAtEnd(f, "01/02/2007", "E45")),
        ["460"] = (f => AgedAtEnd(f, "01/02/2007", "E17"), f => AgedAtEnd(f, "31/01/2007", "E17")),
        ["361"] = (f => Lasting(f, "LS", "L1", "05/03/2025"), f => Lasting(f, "LS", "L1", "04/03/2025")),
        ["362"] = (f => Lasting(f, "LS", "L2", "23/03/2025"), f => Lasting(f, "LS", "L2", "22/03/2025")),
        ["363"] = (f => Lasting(f, "LS", "L3", "09/03/2025"), f => Lasting(f, "LS", "L3", "08/03/2025")),
        ["365"] = (f => Lasting(f, "LS", "V3", "19/03/2025"), f => Lasting(f, "LS", "V3", "18/03/2025")),
        ["375"] = (f => { Lasting(f, "PLACE", "T1", "13/02/2025"); Set(f.Episode, ("DECOM", "01/01/2025")); }, f => { Lasting(f, "PLACE", "T1", "12/02/2025"); Set(f.Episode, ("DECOM", "01/01/2025")); }
        ),
        ["376"] = (f => Lasting(f, "PLACE", "T3", "23/03/2025"), f => Lasting(f, "PLACE", "T3", "22/03/2025")),
        ["379"] = (f => Lasting(f, "PLACE", "T4", "09/03/2025"), f => Lasting(f, "PLACE", "T4", "08/03/2025")),
        ["366"] = (f => Set(f.Episode, ("LS", "V3"), ("RNE", "P")), f => Set(f.Episode, ("LS", "V3"))),
        ["367"] = (f => { Set(f.Episode, ("LS", "V3"), ("DECOM", "01/04/2024")); f.EndCare("16/06/2024", "E13"); }, f => { Set(f.Episode, ("LS", "V3"), ("DECOM", "01/04/2024")); f.EndCare("15/06/2024", "E13"); }
        ),
        ["426"] = (f => { Set(f.Episode, ("LS", "V3")); f.EndCare("01/06/2024", "E13"); f.Add(T.Episodes, ("DECOM", "01/07/2024"), ("LS", "V4")); },
            f => { Set(f.Episode, ("LS", "V3")); f.EndCare("01/06/2024", "E13"); f.Add(T.Episodes, ("DECOM", "01/07/2024"), ("LS", "V3")); }
        ),
        ["378"] = (f => Set(f.Episode, ("LS", "V2"), ("PLACE", "P1")), f => Set(f.Episode, ("LS", "C2"), ("PLACE", "P1"))),
        ["380"] = (f => Set(f.Episode, ("PLACE", "T0")), f => Set(f.Episode, ("PLACE", "T0"), ("RNE", "P"))),
        ["381"] = (f => { Set(f.Episode, ("PLACE", "T0")); f.EndCare("01/06/2024", "E13"); }, f => f.EndCare("01/06/2024", "E13")),
        ["382"] = (f => Set(f.Episode, ("LS", "V3"), ("PLACE", "T2")), f => Set(f.Episode, ("PLACE", "T2"))),
        ["384"] = (f => Set(f.Episode, ("LS", "V3"), ("PLACE", "U4")), f => Set(f.Episode, ("LS", "V3"), ("PLACE", "U3"))),
        ["217"] = (f => Set(f.Episode, ("PLACE", "A3"), ("RNE", "P")), f => Set(f.Episode, ("PLACE", "A3"), ("RNE", "T"))),
        ["213"] = (f => Set(f.Episode, ("PLACE", "T0")), f => Set(f.Episode, ("PLACE", "T0"), ("PLACE_PROVIDER", null))),
        ["214"] = (f => Set(f.Episode, ("PLACE", "Z1"), ("PLACE_PROVIDER", null)), f => Set(f.Episode, ("PLACE", "Z1"), ("PLACE_PROVIDER", null), ("PL_POST", null), ("URN", null))),
        ["526"] = (f => Set(f.Episode, ("PLACE_PROVIDER", null)), f => Set(f.Episode, ("PLACE", "Z1"), ("PLACE_PROVIDER", null))),
        ["527"] = (f => Set(f.Episode, ("PLACE", "R2")), f => Set(f.Episode, ("PLACE", "R1"))),
        ["528"] = (f => Set(f.Episode, ("PLACE", "R5"), ("PLACE_PROVIDER", "PR2")), f => Set(f.Episode, ("PLACE", "R1"), ("PLACE_PROVIDER", "PR2"))),
        ["529"] = (f => Set(f.Episode, ("PLACE", "K1"), ("PLACE_PROVIDER", "PR3")), f => Set(f.Episode, ("PLACE", "R1"), ("PLACE_PROVIDER", "PR3"))),
        ["530"] = (f => Set(f.Episode, ("PLACE", "P1"), ("PLACE_PROVIDER", "PR4")), f => Set(f.Episode, ("PLACE", "R1"), ("PLACE_PROVIDER", "PR4"))),
        ["531"] = (f => Set(f.Episode, ("PLACE", "P1"), ("PLACE_PROVIDER", "PR5")), f => Set(f.Episode, ("PLACE", "R1"), ("PLACE_PROVIDER", "PR5"))),
        ["550"] = (f => Set(f.Episode, ("PLACE_PROVIDER", "PR0")), f => Set(f.Episode, ("PLACE", "P1"), ("PLACE_PROVIDER", "PR0"))),
        ["516"] = (f => { Set(f.Episode, ("PLACE", "R1")); f.EndCare("01/06/2024", "E45"); }, f => { Set(f.Episode, ("PLACE", "U3")); f.EndCare("01/06/2024", "E45"); }
        ),

        // OC2 (C1 is 11 on 1 April 2024 and 12 on 31 March 2025, and in the 12-month cohort)
        ["180"] = (f => Set(f.Oc2, ("SDQ_SCORE", "41")), f => Set(f.Oc2, ("SDQ_SCORE", "40"))),
        ["181"] = (f => Set(f.Oc2, ("CONVICTED", "2")), f => Set(f.Oc2, ("CONVICTED", "1"))),
        ["196"] = (f => Set(f.Oc2, ("SDQ_SCORE", null), ("SDQ_REASON", "SDQ9")), f => Set(f.Oc2, ("SDQ_SCORE", null), ("SDQ_REASON", "SDQ5"))),
        ["197a"] = (f => Set(f.Oc2, ("SDQ_REASON", "SDQ2")), f => Set(f.Oc2, ("SDQ_REASON", "SDQ2"), ("SDQ_SCORE", null))),
        ["158"] = (f => Set(f.Oc2, ("SUBSTANCE_MISUSE", "1"), ("INTERVENTION_RECEIVED", "1"), ("INTERVENTION_OFFERED", "1")), f => Set(f.Oc2, ("SUBSTANCE_MISUSE", "1"), ("INTERVENTION_RECEIVED", "1"))),
        ["159"] = (f => Set(f.Oc2, ("SUBSTANCE_MISUSE", "1"), ("INTERVENTION_RECEIVED", "0")), f => Set(f.Oc2, ("SUBSTANCE_MISUSE", "1"), ("INTERVENTION_RECEIVED", "0"), ("INTERVENTION_OFFERED", "1"))),
        ["192"] = (f => Set(f.Oc2, ("SUBSTANCE_MISUSE", "1")), f => Set(f.Oc2, ("SUBSTANCE_MISUSE", "1"), ("INTERVENTION_RECEIVED", "1"))),
        ["193"] = (f => Set(f.Oc2, ("INTERVENTION_RECEIVED", "0")), f => Set(f.Oc2, ("SUBSTANCE_MISUSE", "1"), ("INTERVENTION_RECEIVED", "0"), ("INTERVENTION_OFFERED", "1"))),
        ["182"] = (f => Set(f.Oc2, ("IMMUNISATIONS", null)), f => Set(f.Oc2, ("IMMUNISATIONS", "0"))),
        ["544"] = (f => Set(f.Oc2, ("TEETH_CHECK", null)), f => Set(f.Oc2, ("TEETH_CHECK", null), ("CONVICTED", null))),
        ["547"] = (f => Set(f.Oc2, ("HEALTH_CHECK", "1"), ("TEETH_CHECK", null)), f => Set(f.Oc2, ("TEETH_CHECK", null))),
        ["542"] = (f => Set(f.Header, ("DOB", "01/04/2015")), f => Set(f.Header, ("DOB", "31/03/2015"))),
        ["546"] = (f => Set(f.Oc2, ("HEALTH_CHECK", "1")), f => { Set(f.Oc2, ("HEALTH_CHECK", "1")); Set(f.Header, ("DOB", "01/04/2020")); }
        ),
        ["188"] = (f => Set(f.Header, ("DOB", "01/04/2021")), f => Set(f.Header, ("DOB", "31/03/2021"))),
        ["189"] = (f => Set(f.Header, ("DOB", "01/04/2007")), f => Set(f.Header, ("DOB", "02/04/2007"))),
        ["157"] = (f => Set(f.Oc2, ("SDQ_SCORE", null), ("SDQ_REASON", "SDQ1")), f => { Set(f.Oc2, ("SDQ_SCORE", null), ("SDQ_REASON", "SDQ1")); Set(f.Header, ("DOB", "31/03/2008")); }
        ),
        ["185"] = (f => f.EndCare("31/01/2025", "E13"), f => { f.EndCare("31/01/2025", "E13"); Set(f.Oc2, ("SDQ_SCORE", null)); }
        ),
        ["198"] = (f => { f.EndCare("31/01/2025", "E13"); Set(f.Oc2, ("SDQ_SCORE", null), ("SDQ_REASON", "SDQ2")); }, f => Set(f.Oc2, ("SDQ_SCORE", null), ("SDQ_REASON", "SDQ2"))),
        ["190"] = (f => Set(f.Episode, ("DECOM", "02/04/2024")), f => Set(f.Episode, ("DECOM", "01/04/2024"))),
        ["191"] = (f => Set(f.Oc2, ("IMMUNISATIONS", null)), f => Set(f.Episode, ("LS", "V3"))),
        ["186"] = (f => Set(f.Oc2, ("SDQ_SCORE", null)), f => { Set(f.Oc2, ("SDQ_SCORE", null)); Set(f.Header, ("DOB", "02/04/2020")); }
        ),
        ["543"] = (f => Set(f.Oc2, ("CONVICTED", null)), f => { Set(f.Oc2, ("CONVICTED", null)); Set(f.Header, ("DOB", "01/04/2015")); }
        ),
        ["545"] = (f => Set(f.Header, ("DOB", "01/04/2020")), f => { Set(f.Header, ("DOB", "01/04/2020")); Set(f.Oc2, ("HEALTH_CHECK", "1")); }
        ),
        ["187"] = (f => f.Add(T.Ad1), f => { f.Add(T.Ad1); f.EndCare("31/01/2025", "E11"); }
        ),

        // OC3
        ["131"] = (f => f.Add(T.Oc3, ("IN_TOUCH", "MAYBE")), f => f.Add(T.Oc3, ("IN_TOUCH", "NREQ"))),
        ["132"] = (f => f.Add(T.Oc3, ("ACTIV", "F9")), f => f.Add(T.Oc3, ("ACTIV", "G6"))),
        ["133"] = (f => f.Add(T.Oc3, ("ACCOM", "01")), f => f.Add(T.Oc3, ("ACCOM", "Z2"))),
        ["153"] = (f => f.Add(T.Oc3, ("ACTIV", null)), f => f.Add(T.Oc3)),
        ["344"] = (f => f.Add(T.Oc3, ("IN_TOUCH", "DIED")), f => f.Add(T.Oc3, ("IN_TOUCH", "DIED"), ("ACTIV", null), ("ACCOM", null))),
        ["345"] = (f => f.Add(T.Oc3, ("ACTIV", "0")), f => f.Add(T.Oc3)),
        ["391"] = (f => f.Add(T.Oc3), f => { f.Add(T.Oc3); Set(f.Header, ("DOB", "31/03/2008")); }
        ),
        ["134"] = (f => { f.Add(T.Oc3); f.Add(T.Ad1); }, f => f.Add(T.Oc3)),
        ["215"] = (f => f.Add(T.Oc3), f => { f.Add(T.Oc3); f.Rows(T.Oc2).Clear(); }
        ),
        ["1014"] = (f => { f.Rows(T.Episodes).Clear(); f.Add(T.Oc3); f.Add(T.Uasc, ("DUC", "01/01/2025")); }, f => { f.Rows(T.Episodes).Clear(); f.Add(T.Oc3); f.Add(T.Uasc); }
        ),

        // AD1
        ["112"] = (f => f.Add(T.Ad1, ("DATE_INT", "01/06/24")), f => f.Add(T.Ad1)),
        ["113"] = (f => f.Add(T.Ad1, ("DATE_MATCH", "00/07/2024")), f => f.Add(T.Ad1)),
        ["114"] = (f => f.Add(T.Ad1, ("FOSTER_CARE", "2")), f => f.Add(T.Ad1, ("FOSTER_CARE", "1"))),
        ["175"] = (f => f.Add(T.Ad1, ("NB_ADOPTR", "3")), f => f.Add(T.Ad1, ("NB_ADOPTR", "1"))),
        ["176"] = (f => f.Add(T.Ad1, ("SEX_ADOPTR", "XX")), f => f.Add(T.Ad1, ("SEX_ADOPTR", "FF"))),
        ["177"] = (f => f.Add(T.Ad1, ("LS_ADOPTR", "L9")), f => f.Add(T.Ad1, ("LS_ADOPTR", "L2"))),
        ["151"] = (f => f.Add(T.Ad1, ("FOSTER_CARE", null)), f => f.Add(T.Ad1)),
        ["333"] = (f => f.Add(T.Ad1, ("DATE_INT", "02/07/2024")), f => f.Add(T.Ad1, ("DATE_INT", "01/07/2024"))),
        ["511"] = (f => f.Add(T.Ad1, ("SEX_ADOPTR", "M1")), f => f.Add(T.Ad1, ("SEX_ADOPTR", "M1"), ("NB_ADOPTR", "1"))),
        ["514"] = (f => f.Add(T.Ad1, ("LS_ADOPTR", "L0")), f => f.Add(T.Ad1, ("LS_ADOPTR", "L0"), ("SEX_ADOPTR", "F1"))),
        ["517"] = (f => f.Add(T.Ad1, ("LS_ADOPTR", "L3"), ("SEX_ADOPTR", "FF")), f => f.Add(T.Ad1, ("LS_ADOPTR", "L3"))),
        ["518"] = (f => f.Add(T.Ad1, ("LS_ADOPTR", "L4")), f => f.Add(T.Ad1, ("LS_ADOPTR", "L4"), ("SEX_ADOPTR", "FF"))),
        ["519"] = (f => f.Add(T.Ad1, ("LS_ADOPTR", "L2"), ("SEX_ADOPTR", "M1")), f => f.Add(T.Ad1, ("LS_ADOPTR", "L2"), ("SEX_ADOPTR", "MM"))),
        ["520"] = (f => f.Add(T.Ad1, ("SEX_ADOPTR", "FF")), f => f.Add(T.Ad1)),
        ["524"] = (f => f.Add(T.Ad1, ("LS_ADOPTR", "L12")), f => f.Add(T.Ad1, ("LS_ADOPTR", "L12"), ("SEX_ADOPTR", "MM"))),
        ["602"] = (f => f.Add(T.Ad1), f => { f.Add(T.Ad1); f.EndCare("31/01/2025", "E11"); }
        ),
        ["601"] = (f => f.EndCare("31/01/2025", "E11"), f => { f.Add(T.Ad1); f.EndCare("31/01/2025", "E11"); }
        ),
        ["582"] = (f => { f.Add(T.Ad1); f.EndCare("01/07/2024", "E11"); }, f => { f.Add(T.Ad1, ("DATE_MATCH", "30/06/2024")); f.EndCare("01/07/2024", "E11"); }
        ),
        ["525"] = (f => { f.Add(T.Ad1); f.Add(T.PlacedAdoption, ("DATE_PLACED_CEASED", "01/08/2024"), ("REASON_PLACED_CEASED", "RD1")); }, f => { f.Add(T.Ad1); f.Add(T.PlacedAdoption); }
        ),
        ["523"] = (f => { f.Add(T.Ad1); f.Add(T.PlacedAdoption, ("DATE_PLACED", "02/06/2024")); }, f => { f.Add(T.Ad1); f.Add(T.PlacedAdoption); }
        ),

        // PlacedAdoption
        ["115"] = (f => f.Add(T.PlacedAdoption, ("DATE_PLACED", "June 2024")), f => f.Add(T.PlacedAdoption)),
        ["116"] = (f => f.Add(T.PlacedAdoption, ("DATE_PLACED_CEASED", "01.08.2024"), ("REASON_PLACED_CEASED", "RD1")),
            f => f.Add(T.PlacedAdoption, ("DATE_PLACED_CEASED", "01/08/2024"), ("REASON_PLACED_CEASED", "RD1"))),
        ["119"] = (f => f.Add(T.PlacedAdoption, ("DATE_PLACED_CEASED", "01/08/2024")), f => f.Add(T.PlacedAdoption, ("DATE_PLACED_CEASED", "01/08/2024"), ("REASON_PLACED_CEASED", "RD1"))),
        ["120"] = (f => f.Add(T.PlacedAdoption, ("DATE_PLACED_CEASED", "01/08/2024"), ("REASON_PLACED_CEASED", "XXX")),
            f => f.Add(T.PlacedAdoption, ("DATE_PLACED_CEASED", "01/08/2024"), ("REASON_PLACED_CEASED", "RD4"))),
        ["184"] = (f => f.Add(T.PlacedAdoption, ("DATE_PLACED", "14/06/2012")), f => f.Add(T.PlacedAdoption, ("DATE_PLACED", "15/06/2012"))),
        ["522"] = (f => f.Add(T.PlacedAdoption, ("DATE_PLACED_CEASED", "31/05/2024"), ("REASON_PLACED_CEASED", "RD1")),
            f => f.Add(T.PlacedAdoption, ("DATE_PLACED_CEASED", "01/06/2024"), ("REASON_PLACED_CEASED", "RD1"))),
        ["563"] = (f => f.Add(T.PlacedAdoption, ("DATE_PLACED", null), ("DATE_PLACED_CEASED", "01/08/2024"), ("REASON_PLACED_CEASED", "RD1")),
            f => f.Add(T.PlacedAdoption, ("DATE_PLACED_CEASED", "01/08/2024"), ("REASON_PLACED_CEASED", "RD1"))),
        ["117"] = (f => f.Add(T.PlacedAdoption, ("DATE_PLACED", "01/04/2025")), f => f.Add(T.PlacedAdoption, ("DATE_PLACED", "31/03/2025"))),
        ["579"] = (f => { f.Add(T.PlacedAdoption); f.Add(T.PlacedAdoption, ("DATE_PLACED", "01/08/2024")); },
            f => { f.Add(T.PlacedAdoption, ("DATE_PLACED_CEASED", "01/07/2024"), ("REASON_PLACED_CEASED", "RD1")); f.Add(T.PlacedAdoption, ("DATE_PLACED", "01/08/2024")); }
        ),
        ["551"] = (f => Set(f.Episode, ("PLACE", "A4")), f => { Set(f.Episode, ("PLACE", "A4")); f.Add(T.PlacedAdoption, ("DATE_PLACED", "01/02/2023")); }
        ),
        ["553"] = (f => Set(f.Episode, ("LS", "E1")), f => { Set(f.Episode, ("LS", "E1")); f.Add(T.PlacedAdoption, ("DATE_PLACED", "01/02/2023")); }
        ),
        ["555"] = (f => Set(f.Episode, ("LS", "D1")), f => { Set(f.Episode, ("LS", "D1")); f.Add(T.PlacedAdoption, ("DATE_PLACED", "01/02/2023")); }
        ),
        ["552"] = (f => { Set(f.Episode, ("PLACE", "A4")); f.Add(T.PlacedAdoption, ("DATE_PLACED", "02/03/2023")); }, f => { Set(f.Episode, ("PLACE", "A4")); f.Add(T.PlacedAdoption, ("DATE_PLACED", "01/03/2023")); }
        ),
        ["554"] = (f => { Set(f.Episode, ("LS", "E1")); f.Add(T.PlacedAdoption, ("DATE_PLACED", "02/03/2023")); }, f => { Set(f.Episode, ("LS", "E1")); f.Add(T.PlacedAdoption, ("DATE_PLACED", "01/03/2023")); }
        ),
        ["556"] = (f => { Set(f.Episode, ("LS", "D1")); f.Add(T.PlacedAdoption, ("DATE_PLACED", "02/03/2023")); }, f => { Set(f.Episode, ("LS", "D1")); f.Add(T.PlacedAdoption, ("DATE_PLACED", "01/03/2023")); }
        ),
        ["558"] = (f => { f.EndCare("31/01/2025", "E11"); f.Add(T.PlacedAdoption, ("DATE_PLACED_CEASED", "01/08/2024"), ("REASON_PLACED_CEASED", "RD1")); },
            f => { f.EndCare("31/01/2025", "E11"); f.Add(T.PlacedAdoption); }
        ),
        ["557"] = (f => { f.EndCare("31/01/2025", "E13"); f.Add(T.PlacedAdoption); }, f => { f.EndCare("31/01/2025", "E11"); f.Add(T.PlacedAdoption); }
        ),

        // Previous permanence
        ["630"] = (f => { Set(f.Episode, ("DECOM", "01/05/2024")); f.Rows(T.PrevPerm).Clear(); }, f => Set(f.Episode, ("DECOM", "01/05/2024"))),
        ["631"] = (f => Set(f.Rows(T.PrevPerm)[0], ("PREV_PERM", "P9")), f => Set(f.Rows(T.PrevPerm)[0], ("PREV_PERM", "P4"))),
        ["635"] = (f => Set(f.Rows(T.PrevPerm)[0], ("LA_PERM", "350")), f => Set(f.Rows(T.PrevPerm)[0], ("PREV_PERM", "P1"), ("LA_PERM", "350"))),

        // Missing
        ["1004"] = (f => f.Add(T.Missing, ("MIS_START", "01/05/24")), f => f.Add(T.Missing)),
        ["1005"] = (f => f.Add(T.Missing, ("MIS_END", "3 May 2024")), f => f.Add(T.Missing)),
        ["1006"] = (f => f.Add(T.Missing, ("MISSING", "X")), f => f.Add(T.Missing, ("MISSING", "A"))),
        ["564"] = (f => f.Add(T.Missing, ("MIS_START", null)), f => f.Add(T.Missing)),
        ["565"] = (f => f.Add(T.Missing, ("MISSING", null), ("MIS_END", null)), f => f.Add(T.Missing)),
        ["566"] = (f => f.Add(T.Missing, ("MISSING", null)), f => f.Add(T.Missing)),
        ["567"] = (f => f.Add(T.Missing, ("MIS_END", "30/04/2024")), f => f.Add(T.Missing, ("MIS_END", "01/05/2024"))),
        ["570"] = (f => f.Add(T.Missing, ("MIS_START", "01/04/2025"), ("MIS_END", null)), f => f.Add(T.Missing, ("MIS_START", "31/03/2025"), ("MIS_END", null))),
        ["571"] = (f => f.Add(T.Missing, ("MIS_END", "01/04/2025")), f => f.Add(T.Missing, ("MIS_END", "31/03/2025"))),
        ["586"] = (f => f.Add(T.Missing, ("MIS_START", "14/06/2012"), ("MIS_END", null)), f => f.Add(T.Missing, ("MIS_START", "15/06/2012"), ("MIS_END", null))),
        ["581"] = (f => f.Add(T.Missing, ("MIS_START", "28/02/2023"), ("MIS_END", null)), f => f.Add(T.Missing, ("MIS_START", "01/03/2023"), ("MIS_END", null))),
        ["578"] = (f => { f.EndCare("31/01/2025", "E13"); f.Add(T.Missing, ("MIS_START", "01/02/2025"), ("MIS_END", "02/02/2025")); },
            f => { f.EndCare("31/01/2025", "E13"); f.Add(T.Missing, ("MIS_START", "31/01/2025"), ("MIS_END", "31/01/2025")); }
        ),
        ["577"] = (f => { f.EndCare("31/01/2025", "E13"); f.Add(T.Missing, ("MIS_END", null)); }, f => { f.EndCare("31/01/2025", "E13"); f.Add(T.Missing); }
        ),
        ["574"] = (f => { f.Add(T.Missing); f.Add(T.Missing, ("MIS_START", "02/05/2024"), ("MIS_END", "04/05/2024")); }, f => { f.Add(T.Missing); f.Add(T.Missing, ("MIS_START", "03/05/2024"), ("MIS_END", "04/05/2024")); }
        ),
        ["580"] = (f => { f.EndCare("31/01/2025", "E13"); f.Add(T.Missing, ("MIS_START", "30/01/2025"), ("MIS_END", null)); },
            f => { f.EndCare("31/01/2025", "E8"); f.Add(T.Missing, ("MIS_START", "30/01/2025"), ("MIS_END", null)); }
        ),

        // Integrity
        ["INT01"] = (f => f.Add(T.Ad1, ("CHILD", "C2")), f => f.Add(T.Ad1)),
        ["INT02"] = (f => f.Add(T.PlacedAdoption, ("CHILD", "C2")), f => f.Add(T.PlacedAdoption)),
        ["INT03"] = (f => f.Add(T.Episodes, ("CHILD", "C2")), f => { f.Add(T.Header, ("CHILD", "C2")); f.Add(T.Episodes, ("CHILD", "C2")); }
        ),
        ["INT04"] = (f => f.Add(T.Missing, ("CHILD", "C2")), f => f.Add(T.Missing)),
        ["INT05"] = (f => f.Add(T.Oc2, ("CHILD", "C2")), f => f.Add(T.Oc2)),
        ["INT06"] = (f => f.Add(T.Oc3, ("CHILD", "C2")), f => f.Add(T.Oc3)),
        ["INT07"] = (f => f.Add(T.PrevPerm, ("CHILD", "C2")), f => f.Add(T.PrevPerm)),
        ["INT08"] = (f => f.Add(T.Reviews, ("CHILD", "C2")), f => f.Add(T.Reviews)),
        ["INT09"] = (f => f.Add(T.Uasc, ("CHILD", "C2")), f => f.Add(T.Uasc)),
        ["INT11"] = (f => f.Add(T.Ad1, ("DOB", "16/06/2012")), f => f.Add(T.Ad1)),
        ["INT12"] = (f => f.Add(T.PlacedAdoption, ("DOB", "16/06/2012")), f => f.Add(T.PlacedAdoption)),
        ["INT13"] = (f => f.Add(T.Missing, ("DOB", "16/06/2012")), f => f.Add(T.Missing)),
        ["INT14"] = (f => Set(f.Oc2, ("DOB", "16/06/2012")), f => Set(f.Oc2, ("DOB", Dob))),
        ["INT15"] = (f => f.Add(T.Oc3, ("DOB", "16/06/2012")), f => f.Add(T.Oc3)),
        ["INT16"] = (f => Set(f.Rows(T.PrevPerm)[0], ("DOB", "16/06/2012")), f => Set(f.Rows(T.PrevPerm)[0], ("DOB", Dob))),
        ["INT17"] = (f => Set(f.Review, ("DOB", "16/06/2012")), f => Set(f.Review, ("DOB", Dob))),
        ["INT18"] = (f => f.Add(T.Uasc, ("DOB", "16/06/2012")), f => f.Add(T.Uasc)),
        ["INT21"] = (f => f.Add(T.Uasc, ("SEX", "2")), f => f.Add(T.Uasc)),
        ["INT31"] = (f => { f.Add(T.Ad1); f.Add(T.Ad1); }, f => f.Add(T.Ad1)),
        ["INT32"] = (f => f.Add(T.Header), f => f.Add(T.Header, ("CHILD", "C2"))),
        ["INT33"] = (f => f.Add(T.Oc2), f => f.Add(T.Oc2, ("CHILD", "C2"))),
        ["INT34"] = (f => { f.Add(T.Oc3); f.Add(T.Oc3); }, f => f.Add(T.Oc3)),
        ["INT35"] = (f => f.Add(T.PrevPerm), f => f.Add(T.PrevPerm, ("CHILD", "C2"))),
        ["INT36"] = (f => { f.Add(T.Uasc); f.Add(T.Uasc); }, f => f.Add(T.Uasc)),

        // Last year
        ["502"] = (f => f.Add(T.EpisodesLast, ("DECOM", "01/02/2023")), f => f.Add(T.EpisodesLast)),
        ["503A"] = (f => f.Add(T.EpisodesLast, ("RNE", "P")), f => f.Add(T.EpisodesLast)),
        ["503B"] = (f => f.Add(T.EpisodesLast, ("LS", "C1")), f => f.Add(T.EpisodesLast)),
        ["503C"] = (f => f.Add(T.EpisodesLast, ("CIN", "N2")), f => f.Add(T.EpisodesLast)),
        ["503D"] = (f => f.Add(T.EpisodesLast, ("PLACE", "U2")), f => f.Add(T.EpisodesLast)),
        ["503E"] = (f => f.Add(T.EpisodesLast, ("PLACE_PROVIDER", "PR2")), f => f.Add(T.EpisodesLast)),
        ["503F"] = (f => f.Add(T.EpisodesLast, ("URN", "SC654321")), f => f.Add(T.EpisodesLast)),
        ["NoE"] = (f => f.Add(T.EpisodesLast, ("CHILD", "C9")), f => { f.Add(T.EpisodesLast, ("CHILD", "C9")); f.Add(T.EpisodesLast); }
        ),
        ["562"] = (f => f.Add(T.EpisodesLast, ("DECOM", "01/01/2023"), ("DEC", "01/03/2023"), ("REC", "X1")),
            f => { f.Add(T.EpisodesLast, ("DECOM", "01/01/2023"), ("DEC", "01/03/2023"), ("REC", "X1")); f.Add(T.EpisodesLast, ("RNE", "P")); }
        ),

        // Social worker episodes
        ["SW02STG1"] = (f => Set(f.SocialWorker, ("SW_ID", "AB1")), f => Set(f.SocialWorker, ("SW_ID", "XX1"))),
        ["SW04STG1"] = (f => Set(f.SocialWorker, ("SW_DECOM", "1/4/24")), f => Set(f.SocialWorker, ("SW_DECOM", "01/04/2024"))),
        ["SW05STG1"] = (f => Set(f.SocialWorker, ("SW_DEC", "31/04/2024"), ("SW_REASON", "MANAGE")), f => Set(f.SocialWorker, ("SW_DEC", "30/04/2024"), ("SW_REASON", "MANAGE"))),
        ["SW13STG1"] = (f => Set(f.SocialWorker, ("SW_DEC", "30/04/2024"), ("SW_REASON", "LAZY")), f => Set(f.SocialWorker, ("SW_DEC", "30/04/2024"), ("SW_REASON", "OTHERS"))),
        ["SW09STG2"] = (f => Set(f.SocialWorker, ("SW_DEC", "01/04/2024"), ("SW_REASON", "MANAGE")), f => Set(f.SocialWorker, ("SW_DEC", "02/04/2024"), ("SW_REASON", "MANAGE"))),
        ["SW15STG2"] = (f => Set(f.SocialWorker, ("SW_DEC", "30/04/2024")), f => Set(f.SocialWorker, ("SW_DEC", "30/04/2024"), ("SW_REASON", "CHCHAN"))),
        ["SW10STG2"] = (f => NextSocialWorker(f, "10/05/2024", "01/05/2024"), f => NextSocialWorker(f, "10/05/2024", "10/05/2024")),
        ["SW108STG2"] = (f => f.Add(T.SocialWorker, ("SW_DECOM", "01/05/2024")), f => NextSocialWorker(f, "01/05/2024", "01/05/2024")),
    };

    private static IReadOnlyDictionary<string, (Action<Ssda903Fixture> Fail, Action<Ssda903Fixture> Pass)> Cases => AllCases.Value;

    public static TheoryData<string> Codes() => [.. Rules2024To25.Rules().Select(r => r.Code)];

    [Fact]
    public void The_valid_return_has_no_issues()
    {
        Assert.Empty(Valid().Validate());
    }

    [Fact]
    public void Every_implemented_rule_has_a_case_and_every_case_a_rule()
    {
        var implemented = Rules2024To25.Rules().Select(r => r.Code).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(implemented, Cases.Keys.Order(StringComparer.Ordinal).ToList());
    }

    [Theory]
    [MemberData(nameof(Codes))]
    public void Rule_fires_when_broken_and_not_on_the_near_miss(string code)
    {
        var (fail, pass) = Cases[code];
        var broken = Valid();
        fail(broken);
        var issues = broken.Validate().Where(i => i.Rule == code).ToList();
        Assert.NotEmpty(issues);
        Assert.All(issues, i =>
        {
            Assert.NotNull(i.ChildId);
            Assert.NotNull(i.Table);
            Assert.True(i.Line > 1, $"line {i.Line}");
            Assert.NotEmpty(i.Fields);
        });

        var nearMiss = Valid();
        pass(nearMiss);
        Assert.DoesNotContain(nearMiss.Validate(), i => i.Rule == code);
    }

    internal static void Mother(Ssda903Fixture f, string? childDob) => Set(f.Header, ("SEX", "2"), ("MOTHER", "1"), ("MC_DOB", childDob));

    private static void Under4Review(Ssda903Fixture f, string review, string code)
    {
        Set(f.Header, ("DOB", "11/06/2020"));
        Set(f.Review, ("DOB", "11/06/2020"), ("REVIEW", review), ("REVIEW_CODE", code));
    }

    internal static void AgedAtEnd(Ssda903Fixture f, string dob, string rec)
    {
        Set(f.Header, ("DOB", dob));
        f.EndCare("31/01/2025", rec);
    }

    internal static void Lasting(Ssda903Fixture f, string column, string code, string dec)
    {
        Set(f.Episode, (column, code), ("DECOM", "01/03/2025"));
        f.EndCare(dec, "E13");
    }

    private static void NextSocialWorker(Ssda903Fixture f, string ended, string next)
    {
        Set(f.SocialWorker, ("SW_DEC", ended), ("SW_REASON", "MANAGE"));
        f.Add(T.SocialWorker, ("SW_DECOM", next));
    }

    internal static void Continue(Ssda903Fixture f, string date, string rne, params (string Column, string? Value)[] values)
    {
        f.EndCare(date, "X1");
        f.Add(T.Episodes, [("DECOM", date), ("RNE", rne), .. values]);
    }
}
