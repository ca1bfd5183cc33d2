using System.Globalization;
using Safeguard.Interchange.Cin;

namespace Safeguard.Interchange.Ssda903;

/// <summary>
/// Writes a generated SSDA903 return (every table, as CSV files in a folder) for benchmarks and side-by-side runs
/// with other validators: each child looked after for some of the collection year in one to four episodes, with
/// reviews, an OC2 row for those in care all year, previous permanence, a social worker, and some missing
/// periods and UASC rows. Ages are rounded to years and places drawn at random, so a return has some issues of the kinds
/// real returns have (a placement type for older children given to a young one, a missing period outside care).
/// The same seed gives the same files.
/// </summary>
public static class Ssda903Generator
{
    private static readonly string[] Ethnic = ["WBRI", "WIRI", "WOTH", "MWBC", "MWBA", "AIND", "APKN", "BAFR", "BCRB", "CHNE", "OOTH"];
    private static readonly string[] Places = ["U1", "U2", "U3", "U4", "U5", "U6", "R1", "K2", "H5"];

    /// <summary>Writes the tables of a return of <paramref name="children"/> children into <paramref name="folder"/>; returns the number of rows written.</summary>
    public static long Write(string folder, int children, CinCollection collection, int seed = 903)
    {
        ArgumentNullException.ThrowIfNull(collection);
        Directory.CreateDirectory(folder);
        var random = new Random(seed);
        using var header = Table(folder, "header.csv", "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB");
        using var episodes = Table(folder, "episodes.csv", "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN");
        using var reviews = Table(folder, "reviews.csv", "CHILD,DOB,REVIEW,REVIEW_CODE");
        using var oc2 = Table(folder, "oc2.csv",
            "CHILD,DOB,SDQ_SCORE,SDQ_REASON,CONVICTED,HEALTH_CHECK,IMMUNISATIONS,TEETH_CHECK,HEALTH_ASSESSMENT,SUBSTANCE_MISUSE,INTERVENTION_RECEIVED,INTERVENTION_OFFERED");
        using var oc3 = Table(folder, "oc3.csv", "CHILD,DOB,IN_TOUCH,ACTIV,ACCOM");
        using var uasc = Table(folder, "uasc.csv", "CHILD,SEX,DOB,DUC");
        using var prevPerm = Table(folder, "previous_permanence.csv", "CHILD,DOB,PREV_PERM,LA_PERM,DATE_PERM");
        using var missing = Table(folder, "missing.csv", "CHILD,DOB,MISSING,MIS_START,MIS_END");
        using var ad1 = Table(folder, "ad1.csv", "CHILD,DOB,DATE_INT,DATE_MATCH,FOSTER_CARE,NB_ADOPTR,SEX_ADOPTR,LS_ADOPTR");
        using var placed = Table(folder, "placed_for_adoption.csv", "CHILD,DOB,DATE_PLACED,DATE_PLACED_CEASED,REASON_PLACED_CEASED");
        using var social = Table(folder, "sw_episodes.csv", "CHILD,DOB,SW_ID,SW_DECOM,SW_DEC,SW_REASON");
        long rows = 0;
        for (var i = 0; i < children; i++)
        {
            var id = (100000 + i).ToString(CultureInfo.InvariantCulture);
            var dob = collection.Start.AddDays(-random.Next(365, 17 * 365));
            var sex = random.Next(2) == 0 ? "1" : "2";
            var d = D(dob);
            header.WriteLine($"{id},{sex},{d},{Ethnic[random.Next(Ethnic.Length)]},A{random.NextInt64(100_000_000_000, 999_999_999_999)},{(sex == "2" && dob < collection.Start.AddYears(-12) ? "0" : "")},");
            rows++;

            // A period of care that started before the year or in it; some end in the year.
            var start = collection.Start.AddDays(random.Next(-900, 200));
            if (start < dob)
            {
                start = dob.AddDays(1);
            }

            var ends = random.Next(4) == 0 ? start.AddDays(random.Next(30, 300)) : (DateOnly?)null;
            if (ends > collection.ReferenceDate)
            {
                ends = null;
            }

            var count = random.Next(1, 5);
            var decom = start;
            var place = Places[random.Next(Places.Length)];
            for (var e = 0; e < count; e++)
            {
                var last = e == count - 1;
                var next = last ? ends : decom.AddDays(random.Next(20, 120));
                if (!last && (next > (ends ?? collection.ReferenceDate.AddDays(-1)) || next > collection.ReferenceDate.AddDays(-1)))
                {
                    next = null;
                    last = true;
                }

                var rec = next is null ? "" : last ? "E4A" : "X1";
                episodes.WriteLine($"{id},{D(decom)},{(e == 0 ? "S" : "P")},C2,N1,{place},PR1,{(next is { } n ? D(n) : "")},{rec},{(e == 0 ? "" : "CARPL")},M1 1AA,M2 2BB,");
                rows++;
                if (last)
                {
                    break;
                }

                decom = next!.Value;
                place = Places[random.Next(Places.Length)];
            }

            for (var r = 0; r < 3; r++)
            {
                var review = collection.Start.AddDays(random.Next(0, 360));
                reviews.WriteLine($"{id},{d},{D(review)},{(review < dob.AddYears(4) ? "PN0" : "PN1")}");
                rows++;
            }

            if (start <= collection.Start && ends is null)
            {
                var age = collection.ReferenceDate.Year - dob.Year;
                oc2.WriteLine($"{id},{d},{(age is >= 4 and < 17 ? random.Next(0, 41).ToString(CultureInfo.InvariantCulture) : "")},,{(age >= 10 ? "0" : "")},{(age < 5 ? "1" : "")},1,1,1,0,,");
                rows++;
            }

            prevPerm.WriteLine($"{id},{d},Z1,,");
            social.WriteLine($"{id},{d},SW{random.Next(1000, 9999)},{D(collection.Start)},,");
            rows += 2;
            if (random.Next(10) == 0)
            {
                var from = collection.Start.AddDays(random.Next(0, 200));
                missing.WriteLine($"{id},{d},M,{D(from)},{D(from.AddDays(2))}");
                rows++;
            }

            if (random.Next(20) == 0)
            {
                uasc.WriteLine($"{id},{sex},{d},{D(dob.AddYears(18))}");
                rows++;
            }
        }

        return rows;
    }

    private static string D(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    private static StreamWriter Table(string folder, string name, string columns)
    {
        var writer = new StreamWriter(Path.Combine(folder, name), false, new System.Text.UTF8Encoding(false), 1 << 16) { NewLine = "\n" };
        writer.WriteLine(columns);
        return writer;
    }
}
