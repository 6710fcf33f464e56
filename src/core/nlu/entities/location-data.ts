// A compact gazetteer for sys.location: the 17 top-level regions, the cities (시), Seoul's and
// the metropolitan cities' districts (구), some counties (군) and well-known neighbourhoods.
// Notation inside the word lists: "name!" needs its suffix (화성 is also Mars, so only "화성시"),
// "name?" is a common word too and counts only next to another place ("경기 수원").

export type PlaceKind = "sido" | "si" | "gu" | "gun" | "place";

export interface Place {
  /** Official name, e.g. "서울특별시", "수원시", "강남구". */
  name: string;
  kind: PlaceKind;
  /** Official name of the region it belongs to, when unambiguous. */
  parent: string | null;
}

export interface PlaceAlias {
  alias: string;
  place: Place;
  /** Only counts next to another place or as a whole reply. */
  weak: boolean;
}

const SIDO: ReadonlyArray<readonly [string, string]> = [
  ["서울특별시", "서울 서울시"],
  ["부산광역시", "부산 부산시"],
  ["대구광역시", "대구 대구시"],
  ["인천광역시", "인천 인천시"],
  ["광주광역시", "광주 광주시"],
  ["대전광역시", "대전 대전시"],
  ["울산광역시", "울산 울산시"],
  ["세종특별자치시", "세종 세종시"],
  ["경기도", "경기?"],
  ["강원특별자치도", "강원 강원도"],
  ["충청북도", "충북"],
  ["충청남도", "충남"],
  ["전북특별자치도", "전북 전라북도"],
  ["전라남도", "전남"],
  ["경상북도", "경북"],
  ["경상남도", "경남"],
  ["제주특별자치도", "제주 제주도"],
];

// Cities (시) by province. 경기 광주 and the two 고성 are left out: their names clash.
const SI: Readonly<Record<string, string>> = {
  경기도:
    "수원 성남 고양! 용인 부천 안산 안양 남양주 화성! 평택 의정부 시흥 파주 김포 광명 군포 하남 오산 이천! 안성 의왕 양주! 구리! 포천 동두천 과천 여주",
  강원특별자치도: "춘천 원주 강릉 동해! 속초 삼척 태백",
  충청북도: "청주 충주 제천",
  충청남도: "천안 아산 공주! 보령 서산 논산 계룡 당진",
  전북특별자치도: "전주 군산 익산 정읍 남원 김제",
  전라남도: "목포 여수 순천 나주 광양",
  경상북도: "포항 경주 김천 안동 구미! 영주 영천 상주! 문경 경산",
  경상남도: "창원 진주 통영 사천 김해 밀양 거제 양산!",
  제주특별자치도: "제주! 서귀포",
};

// Districts (구). Names shared by several cities (중구, 동구…) get no parent.
const GU: Readonly<Record<string, string>> = {
  서울특별시:
    "종로 용산 성동 광진 동대문 중랑 성북 강북 도봉 노원 은평 서대문 마포 양천 강서 구로 금천 영등포 동작! 관악 서초 강남 송파 강동",
  부산광역시: "영도! 부산진 동래 해운대 사하 금정 연제 수영! 사상!",
  대구광역시: "수성! 달서",
  인천광역시: "미추홀 연수! 남동! 부평 계양",
  광주광역시: "광산!",
  대전광역시: "유성! 대덕!",
  경기도: "분당 수지 일산동! 일산서! 덕양!",
  "": "중! 동! 서! 남! 북!",
};

const GUN: Readonly<Record<string, string>> = {
  부산광역시: "기장!",
  인천광역시: "강화 옹진",
  경기도: "가평 양평 연천",
  강원특별자치도: "평창 정선 홍천 양양",
  충청북도: "단양 보은! 옥천",
  경상북도: "울릉 청송 울진",
  경상남도: "남해! 거창 하동",
  전라남도: "담양 보성 완도 진도!",
};

// Neighbourhoods and areas people name instead of a district.
const PLACES: Readonly<Record<string, string>> = {
  서울특별시: "홍대 명동 여의도 잠실 신촌 이태원 성수 건대 을지로 광화문 압구정 청담 신림 합정 망원 연남 삼성동 역삼 목동",
  부산광역시: "서면 광안리 남포동 센텀",
  경기도: "판교 동탄 일산 광교 위례",
};

const SUFFIX: Readonly<Record<Exclude<PlaceKind, "sido" | "place">, string>> = { si: "시", gu: "구", gun: "군" };

function words(list: string): string[] {
  return list.split(/\s+/).filter((w) => w.length > 0);
}

function parseWord(word: string): { base: string; needsSuffix: boolean; weak: boolean } {
  return { base: word.replace(/[!?]$/, ""), needsSuffix: word.endsWith("!"), weak: word.endsWith("?") };
}

function buildAliases(): PlaceAlias[] {
  const out: PlaceAlias[] = [];
  for (const [name, aliases] of SIDO) {
    const place: Place = { name, kind: "sido", parent: null };
    out.push({ alias: name, place, weak: false });
    for (const w of words(aliases)) {
      const { base, weak } = parseWord(w);
      out.push({ alias: base, place, weak });
    }
  }
  const tables: ReadonlyArray<readonly [Exclude<PlaceKind, "sido" | "place">, Readonly<Record<string, string>>]> = [
    ["si", SI],
    ["gu", GU],
    ["gun", GUN],
  ];
  for (const [kind, table] of tables) {
    for (const [parent, list] of Object.entries(table)) {
      for (const w of words(list)) {
        const { base, needsSuffix, weak } = parseWord(w);
        const place: Place = { name: base + SUFFIX[kind], kind, parent: parent === "" ? null : parent };
        out.push({ alias: place.name, place, weak: false });
        if (!needsSuffix) out.push({ alias: base, place, weak });
      }
    }
  }
  for (const [parent, list] of Object.entries(PLACES)) {
    for (const w of words(list)) {
      const { base, weak } = parseWord(w);
      out.push({ alias: base, place: { name: base, kind: "place", parent }, weak });
    }
  }
  // Longest alias first; for equal aliases the first (higher-level) entry stays.
  const byAlias = new Map<string, PlaceAlias>();
  for (const a of out) if (!byAlias.has(a.alias)) byAlias.set(a.alias, a);
  return [...byAlias.values()].sort((a, b) => b.alias.length - a.alias.length);
}

export const PLACE_ALIASES: readonly PlaceAlias[] = buildAliases();
