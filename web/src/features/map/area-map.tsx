import * as L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { MapFeature } from './data.ts';

/**
 * The Leaflet map (loaded on demand: this module and Leaflet are a separate chunk). Polygons are
 * coloured by CSS classes only (tokens in styles/map.css), and every polygon is a keyboard-reachable
 * link: Tab walks the areas in the order of the table, Enter opens the area page.
 */

export interface AreaMapProps {
  features: readonly MapFeature[];
  /** CSS class of the polygon's colour (see classes.ts). */
  colourOf: (feature: MapFeature) => string;
  /** "<name>: <value>", the accessible name of the polygon. */
  describe: (feature: MapFeature) => string;
  /** Accessible name of the map region. */
  label: string;
  /** Id of the text that explains the keyboard use. */
  instructionsId: string;
  tileUrl: string | null;
  tileAttribution: string | null;
  onOpen: (areaId: string) => void;
}

const collator = new Intl.Collator('nl', { numeric: true, sensitivity: 'base' });

/** A small box on the map naming the area under the pointer or in focus. */
function infoControl() {
  const box = L.DomUtil.create('div', 'wd-map-info');
  // The focused polygon's own name says the same to screen readers.
  box.setAttribute('aria-hidden', 'true');
  const control = new L.Control({ position: 'topright' });
  control.onAdd = () => box;
  return {
    control,
    show: (text: string | null) => {
      box.textContent = text ?? '';
      box.classList.toggle('wd-map-info--empty', !text);
    },
  };
}

/** A light halo under a dark line, so the ring stands out on light and dark colours alike. */
function focusRing(feature: MapFeature): L.Layer {
  const outline = (className: string) =>
    L.geoJSON(feature as unknown as GeoJSON.Feature, {
      interactive: false,
      style: { className, fill: false, weight: 1 },
    });
  return L.layerGroup([outline('wd-map-focus-halo'), outline('wd-map-focus-ring')]);
}

export default function AreaMap(props: AreaMapProps) {
  const { features, colourOf, describe, label, instructionsId, tileUrl, tileAttribution, onOpen } =
    props;
  const { t } = useTranslation();
  const containerRef = useRef<HTMLDivElement>(null);
  const mapRef = useRef<{ map: L.Map; show: (text: string | null) => void } | null>(null);
  // The navigate callback may change every render; the polygons call the latest through this ref.
  const openRef = useRef(onOpen);
  /** The areas the view was last fitted to. */
  const fittedRef = useRef<string | null>(null);
  useEffect(() => {
    openRef.current = onOpen;
  });
  const zoomIn = t('map.map.zoomIn');
  const zoomOut = t('map.map.zoomOut');

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const map = L.map(container, {
      zoomControl: false,
      attributionControl: Boolean(tileUrl),
      zoomSnap: 0.25,
      minZoom: 5,
      maxZoom: 18,
    });
    L.control.zoom().addTo(map);
    if (tileUrl) {
      map.attributionControl.setPrefix(false);
      L.tileLayer(tileUrl, { attribution: tileAttribution ?? '' }).addTo(map);
    }
    const info = infoControl();
    info.control.addTo(map);
    info.show(null);
    mapRef.current = { map, show: info.show };
    fittedRef.current = null;
    const resize = new ResizeObserver(() => map.invalidateSize());
    resize.observe(container);
    return () => {
      resize.disconnect();
      map.remove();
      mapRef.current = null;
    };
    // The tile settings are server configuration: they do not change while the page is open.
  }, [tileUrl, tileAttribution]);

  // The zoom buttons' names follow the interface language without rebuilding the map.
  useEffect(() => {
    const container = containerRef.current;
    const name = (selector: string, text: string) => {
      const button = container?.querySelector(selector);
      button?.setAttribute('title', text);
      button?.setAttribute('aria-label', text);
    };
    name('.leaflet-control-zoom-in', zoomIn);
    name('.leaflet-control-zoom-out', zoomOut);
  }, [zoomIn, zoomOut]);

  useEffect(() => {
    const current = mapRef.current;
    if (!current) return;
    const { map, show } = current;
    // Tab walks the polygons in DOM order: by name, as the table starts.
    const drawable = features
      .filter((f) => f.geometry !== null)
      .sort((a, b) => collator.compare(a.properties.name, b.properties.name));
    const layer = L.geoJSON(undefined, {
      style: (feature) => ({
        className: `wd-map-area ${feature ? colourOf(feature as unknown as MapFeature) : ''}`,
        weight: 1,
        fillOpacity: 1,
      }),
    });
    for (const feature of drawable) layer.addData(feature as unknown as GeoJSON.Feature);
    // The view comes first: Leaflet creates the paths only once the map has one. It fits the
    // data when the areas change (another level), not when only the colours do.
    const areasKey = drawable.map((f) => f.id).join(',');
    if (fittedRef.current !== areasKey) {
      const bounds = layer.getBounds();
      if (bounds.isValid()) map.fitBounds(bounds, { padding: [8, 8], animate: false });
      else map.setView([52.2, 5.3], 7);
      fittedRef.current = areasKey;
    }
    layer.addTo(map);

    const rings = new Set<L.Layer>();
    const polygons: Array<{ feature: MapFeature; path: L.Path }> = [];
    layer.eachLayer((sub) => {
      const feature = (sub as L.Path & { feature?: MapFeature }).feature;
      if (feature) polygons.push({ feature, path: sub as L.Path });
    });
    for (const { feature, path } of polygons) {
      const el = path.getElement();
      if (!el) continue;
      const areaId = feature.properties.id;
      el.setAttribute('tabindex', '0');
      el.setAttribute('role', 'link');
      el.setAttribute('aria-label', describe(feature));
      el.addEventListener('keydown', (event) => {
        if ((event as KeyboardEvent).key === 'Enter') {
          event.preventDefault();
          openRef.current(areaId);
        }
      });
      let ring: L.Layer | null = null;
      el.addEventListener('focus', () => {
        show(describe(feature));
        // A polygon's own outline is partly hidden under its neighbours, and moving it to the
        // front would move the focused element (and lose focus): draw the focus ring on top.
        ring = focusRing(feature).addTo(map);
        rings.add(ring);
        const bounds = (path as L.Polygon).getBounds();
        // Keep the focused area in view, without zooming in.
        if (!map.getBounds().contains(bounds)) {
          map.fitBounds(bounds, { maxZoom: map.getZoom(), animate: false });
        }
      });
      el.addEventListener('blur', () => {
        show(null);
        if (ring) {
          ring.remove();
          rings.delete(ring);
        }
        ring = null;
      });
      path.on('mouseover', () => show(describe(feature)));
      path.on('mouseout', () => show(null));
      path.on('click', () => openRef.current(areaId));
    }

    return () => {
      layer.remove();
      for (const ring of rings) ring.remove();
    };
  }, [features, colourOf, describe]);

  return (
    <div
      ref={containerRef}
      className="wd-map"
      role="region"
      aria-label={label}
      aria-describedby={instructionsId}
    />
  );
}
