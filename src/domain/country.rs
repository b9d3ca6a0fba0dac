//! ICAO 9303 alpha-3 country codes. Input may use ISO alpha-2; everything stored is alpha-3.

use std::fmt;

use serde::{Deserialize, Serialize};

/// An ICAO alpha-3 issuing-state / nationality code (`UTO`, `FRA`, `XXA`, Germany's `D` stored as `DEU`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Country([u8; 3]);

/// ISO 3166-1 alpha-2 → alpha-3, so officers may type the two-letter code they know.
const ALPHA2: &str = "AF AFG AX ALA AL ALB DZ DZA AS ASM AD AND AO AGO AI AIA AQ ATA AG ATG AR ARG AM ARM AW ABW \
AU AUS AT AUT AZ AZE BS BHS BH BHR BD BGD BB BRB BY BLR BE BEL BZ BLZ BJ BEN BM BMU BT BTN BO BOL BQ BES BA BIH \
BW BWA BV BVT BR BRA IO IOT BN BRN BG BGR BF BFA BI BDI CV CPV KH KHM CM CMR CA CAN KY CYM CF CAF TD TCD CL CHL \
CN CHN CX CXR CC CCK CO COL KM COM CG COG CD COD CK COK CR CRI CI CIV HR HRV CU CUB CW CUW CY CYP CZ CZE DK DNK \
DJ DJI DM DMA DO DOM EC ECU EG EGY SV SLV GQ GNQ ER ERI EE EST SZ SWZ ET ETH FK FLK FO FRO FJ FJI FI FIN FR FRA \
GF GUF PF PYF TF ATF GA GAB GM GMB GE GEO DE DEU GH GHA GI GIB GR GRC GL GRL GD GRD GP GLP GU GUM GT GTM GG GGY \
GN GIN GW GNB GY GUY HT HTI HM HMD VA VAT HN HND HK HKG HU HUN IS ISL IN IND ID IDN IR IRN IQ IRQ IE IRL IM IMN \
IL ISR IT ITA JM JAM JP JPN JE JEY JO JOR KZ KAZ KE KEN KI KIR KP PRK KR KOR KW KWT KG KGZ LA LAO LV LVA LB LBN \
LS LSO LR LBR LY LBY LI LIE LT LTU LU LUX MO MAC MG MDG MW MWI MY MYS MV MDV ML MLI MT MLT MH MHL MQ MTQ MR MRT \
MU MUS YT MYT MX MEX FM FSM MD MDA MC MCO MN MNG ME MNE MS MSR MA MAR MZ MOZ MM MMR NA NAM NR NRU NP NPL NL NLD \
NC NCL NZ NZL NI NIC NE NER NG NGA NU NIU NF NFK MK MKD MP MNP NO NOR OM OMN PK PAK PW PLW PS PSE PA PAN PG PNG \
PY PRY PE PER PH PHL PN PCN PL POL PT PRT PR PRI QA QAT RE REU RO ROU RU RUS RW RWA BL BLM SH SHN KN KNA LC LCA \
MF MAF PM SPM VC VCT WS WSM SM SMR ST STP SA SAU SN SEN RS SRB SC SYC SL SLE SG SGP SX SXM SK SVK SI SVN SB SLB \
SO SOM ZA ZAF GS SGS SS SSD ES ESP LK LKA SD SDN SR SUR SJ SJM SE SWE CH CHE SY SYR TW TWN TJ TJK TZ TZA TH THA \
TL TLS TG TGO TK TKL TO TON TT TTO TN TUN TR TUR TM TKM TC TCA TV TUV UG UGA UA UKR AE ARE GB GBR US USA UM UMI \
UY URY UZ UZB VU VUT VE VEN VN VNM VG VGB VI VIR WF WLF EH ESH YE YEM ZM ZMB ZW ZWE XK XKX";

impl Country {
    /// `XXX`, ICAO's code for an unspecified nationality.
    pub const UNSPECIFIED: Country = Country(*b"XXX");

    /// Parses an alpha-3 or alpha-2 code (any case, surrounding spaces and MRZ fillers ignored).
    pub fn parse(text: &str) -> Result<Self, UnknownCountry> {
        let unknown = || UnknownCountry(text.to_owned());
        let code = match *text.as_bytes() {
            // Datasets hold millions of codes: three capitals need no allocation.
            [a, b, c] if [a, b, c].iter().all(u8::is_ascii_uppercase) => [a, b, c],
            _ => {
                let code = text.trim().trim_matches('<').to_ascii_uppercase();
                let alpha3 = match code.len() {
                    1 if code == "D" => "DEU",
                    2 => alpha2_to_alpha3(&code).ok_or_else(unknown)?,
                    3 => code.as_str(),
                    _ => return Err(unknown()),
                };
                let b = alpha3.as_bytes();
                [b[0], b[1], b[2]]
            }
        };
        if is_known(code) { Ok(Self(code)) } else { Err(unknown()) }
    }

    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.0).unwrap_or("???")
    }

    /// The English name, for the detail view ("Utopia (ICAO specimen)").
    pub fn name(&self) -> &'static str {
        mrz::country_name(self.as_str()).unwrap_or("unknown")
    }

    /// Every known alpha-3 code, for generators and pickers.
    pub fn all() -> impl Iterator<Item = Country> {
        mrz::codes().iter().filter(|(c, _)| c.len() == 3).filter_map(|(c, _)| Country::parse(c).ok())
    }
}

/// Whether `mrz` knows this alpha-3 code. Datasets hold tens of millions of codes, so the known
/// ones are kept as one bit per possible three-capital code (26³ bits, 2 KiB).
fn is_known(code: [u8; 3]) -> bool {
    fn slot(code: [u8; 3]) -> Option<usize> {
        code.iter().try_fold(0usize, |acc, &b| b.is_ascii_uppercase().then(|| acc * 26 + usize::from(b - b'A')))
    }
    static KNOWN: std::sync::OnceLock<Vec<u64>> = std::sync::OnceLock::new();
    let known = KNOWN.get_or_init(|| {
        let mut bits = vec![0u64; 26 * 26 * 26 / 64 + 1];
        for (c, _) in mrz::codes().iter().filter(|(c, _)| c.len() == 3) {
            if let Some(i) = slot([c.as_bytes()[0], c.as_bytes()[1], c.as_bytes()[2]]) {
                bits[i / 64] |= 1 << (i % 64);
            }
        }
        bits
    });
    slot(code).is_some_and(|i| known[i / 64] & (1 << (i % 64)) != 0)
}

fn alpha2_to_alpha3(code: &str) -> Option<&'static str> {
    let mut words = ALPHA2.split_ascii_whitespace();
    while let (Some(a2), Some(a3)) = (words.next(), words.next()) {
        if a2 == code {
            return Some(a3);
        }
    }
    None
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown country code {0:?} (expected ICAO alpha-3 such as UTO, FRA, or alpha-2 such as FR)")]
pub struct UnknownCountry(pub String);

impl TryFrom<String> for Country {
    type Error = UnknownCountry;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value)
    }
}

impl From<Country> for String {
    fn from(value: Country) -> Self {
        value.as_str().to_owned()
    }
}

impl fmt::Display for Country {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn alpha2_and_alpha3_normalise_to_alpha3() {
        assert_eq!(Country::parse("fr").unwrap().as_str(), "FRA");
        assert_eq!(Country::parse(" FRA ").unwrap().as_str(), "FRA");
        assert_eq!(Country::parse("D<<").unwrap().as_str(), "DEU");
        assert_eq!(Country::parse("UTO").unwrap().name(), "Utopia (ICAO specimen)");
    }

    #[test]
    fn unknown_codes_are_rejected() {
        assert!(Country::parse("QQQ").is_err());
        assert!(Country::parse("").is_err());
        assert!(Country::parse("ZZ").is_err());
        assert!(Country::parse("FRANCE").is_err());
    }
}
