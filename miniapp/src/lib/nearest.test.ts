import { distanceKm, distanceText, hasCoordinates, nearestCenter } from './nearest';

// Nanjiang county town and two townships (approximate)
const town = { latitude: 32.353, longitude: 106.843 };
const centers = [
  { id: 'far', latitude: 32.62, longitude: 106.79 },
  { id: 'none', latitude: null, longitude: null },
  { id: 'near', latitude: 32.36, longitude: 106.85 },
  { id: 'bad', latitude: 200, longitude: 10 },
];

describe('nearestCenter', () => {
  it('measures great-circle distance', () => {
    expect(distanceKm(town, town)).toBe(0);
    // one degree of latitude is about 111 km
    expect(distanceKm({ latitude: 32, longitude: 106 }, { latitude: 33, longitude: 106 })).toBeCloseTo(111.2, 0);
  });

  it('picks the closest centre that has coordinates', () => {
    const result = nearestCenter(centers, town);
    expect(result?.center.id).toBe('near');
    expect(result?.km).toBeLessThan(2);
  });

  it('gives up when no centre has coordinates', () => {
    expect(nearestCenter([{ id: 'x' } as { id: string; latitude?: number }], town)).toBeNull();
    expect(hasCoordinates([{}, { latitude: null, longitude: 1 }])).toBe(false);
    expect(hasCoordinates(centers)).toBe(true);
  });

  it('says the distance in plain words', () => {
    expect(distanceText(0.04)).toBe('约100米');
    expect(distanceText(0.76)).toBe('约800米');
    expect(distanceText(3.24)).toBe('约3.2公里');
    expect(distanceText(27.6)).toBe('约28公里');
  });
});
