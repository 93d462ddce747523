// Files for the county admin's catalogue screens: choosing a spreadsheet to upload and saving
// an exported one. H5 (a desktop browser, the main place for this work): an <input type=file>
// and a download link. WeChat: a file from a chat (chooseMessageFile) and the document viewer,
// from which the file can be forwarded or saved.
import Taro from '@tarojs/taro';
import { badResponseError, errorFromResponse, networkError } from '@/lib/apiError';
import { goToLogin } from './auth';
import { apiBaseUrl } from './request';
import { bearerToken, clearSession } from './session';

export interface ChosenFile {
  name: string;
  bytes: ArrayBuffer;
}

const UPLOAD_TIMEOUT_MS = 60_000;
const isH5 = process.env.TARO_ENV === 'h5';

/** Lets the person pick an .xlsx or .csv file; null when they cancel. */
export function chooseSpreadsheet(): Promise<ChosenFile | null> {
  return isH5 ? chooseInBrowser() : chooseInWeChat();
}

function chooseInBrowser(): Promise<ChosenFile | null> {
  return new Promise((resolve, reject) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = '.xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv';
    input.style.display = 'none';
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      input.remove();
      if (!file) return resolve(null);
      file.arrayBuffer().then((bytes) => resolve({ name: file.name, bytes }), reject);
    });
    input.addEventListener('cancel', () => {
      input.remove();
      resolve(null);
    });
    document.body.appendChild(input);
    input.click();
  });
}

async function chooseInWeChat(): Promise<ChosenFile | null> {
  // callbacks rather than the promise form: it needs a recent base library on older phones
  const chosen = await new Promise<Taro.chooseMessageFile.SuccessCallbackResult | null>((resolve) => {
    Taro.chooseMessageFile({
      count: 1,
      type: 'file',
      extension: ['xlsx', 'csv'],
      success: resolve,
      fail: () => resolve(null), // cancelled
    });
  });
  const file = chosen?.tempFiles[0];
  if (!file) return null;
  const bytes = await new Promise<ArrayBuffer>((resolve, reject) => {
    Taro.getFileSystemManager().readFile({
      filePath: file.path,
      success: (res) => resolve(res.data as ArrayBuffer),
      fail: reject,
    });
  });
  return { name: file.name, bytes };
}

export interface ChosenPhoto {
  contentType: 'image/jpeg';
  /** base64 of a JPEG at most PHOTO_MAX_SIDE px on its longer side */
  base64: string;
}

/** Photos on the public notice are small: a face at phone size. Keeps uploads under 200 KB. */
export const PHOTO_MAX_SIDE = 480;

/** Lets the manager take or pick a photo, made small on the phone; null when they cancel. */
export function choosePhoto(): Promise<ChosenPhoto | null> {
  return isH5 ? choosePhotoInBrowser() : choosePhotoInWeChat();
}

function choosePhotoInBrowser(): Promise<ChosenPhoto | null> {
  return new Promise((resolve, reject) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = 'image/jpeg,image/png';
    input.style.display = 'none';
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      input.remove();
      if (!file) return resolve(null);
      const url = URL.createObjectURL(file);
      const image = new Image();
      image.onload = () => {
        const scale = Math.min(1, PHOTO_MAX_SIDE / Math.max(image.width, image.height));
        const canvas = document.createElement('canvas');
        canvas.width = Math.max(1, Math.round(image.width * scale));
        canvas.height = Math.max(1, Math.round(image.height * scale));
        canvas.getContext('2d')?.drawImage(image, 0, 0, canvas.width, canvas.height);
        URL.revokeObjectURL(url);
        resolve({ contentType: 'image/jpeg', base64: canvas.toDataURL('image/jpeg', 0.8).split(',')[1] ?? '' });
      };
      image.onerror = () => {
        URL.revokeObjectURL(url);
        reject(new Error('not an image'));
      };
      image.src = url;
    });
    input.addEventListener('cancel', () => {
      input.remove();
      resolve(null);
    });
    document.body.appendChild(input);
    input.click();
  });
}

async function choosePhotoInWeChat(): Promise<ChosenPhoto | null> {
  const chosen = await new Promise<string | null>((resolve) => {
    Taro.chooseMedia({
      count: 1,
      mediaType: ['image'],
      sizeType: ['compressed'],
      sourceType: ['camera', 'album'],
      success: (res) => resolve(res.tempFiles[0]?.tempFilePath ?? null),
      fail: () => resolve(null), // cancelled
    });
  });
  if (!chosen) return null;
  const small = await new Promise<string>((resolve) => {
    Taro.compressImage({
      src: chosen,
      quality: 70,
      compressedWidth: PHOTO_MAX_SIDE,
      success: (res) => resolve(res.tempFilePath),
      fail: () => resolve(chosen), // an old base library: the chosen (already compressed) photo
    });
  });
  const base64 = await new Promise<string>((resolve, reject) => {
    Taro.getFileSystemManager().readFile({
      filePath: small,
      encoding: 'base64',
      success: (res) => resolve(String(res.data)),
      fail: reject,
    });
  });
  return { contentType: 'image/jpeg', base64 };
}

/** POSTs raw bytes (application/octet-stream) with the login; JSON answer as sendJson's. */
export async function uploadBytes<T>(path: string, bytes: ArrayBuffer): Promise<T> {
  const token = bearerToken();
  let response: { statusCode: number; data: unknown };
  try {
    response = await Taro.request({
      url: `${apiBaseUrl()}${path}`,
      method: 'POST',
      data: bytes as unknown as Record<string, unknown>,
      header: { Accept: 'application/json', 'Content-Type': 'application/octet-stream', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      dataType: 'json',
      timeout: UPLOAD_TIMEOUT_MS,
    });
  } catch {
    throw networkError();
  }
  const { statusCode, data } = response;
  if (statusCode === 401) {
    clearSession();
    void goToLogin();
  }
  if (statusCode < 200 || statusCode >= 300) throw errorFromResponse(statusCode, data);
  if (typeof data !== 'object' || data === null) throw badResponseError(statusCode);
  return data as T;
}

/**
 * Downloads a file the API answers (with the login) and hands it to the person: saved by the
 * browser under the server's file name, or opened in WeChat's document viewer.
 */
export async function downloadFile(path: string, fallbackName: string): Promise<void> {
  const token = bearerToken();
  const url = `${apiBaseUrl()}${path}`;
  if (isH5) {
    let res: Response;
    try {
      res = await fetch(url, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
    } catch {
      throw networkError();
    }
    if (!res.ok) throw errorFromResponse(res.status, await res.json().catch(() => null));
    const blob = await res.blob();
    const name = fileNameOf(res.headers.get('content-disposition')) ?? fallbackName;
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = name;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
    return;
  }
  let result: Taro.downloadFile.FileSuccessCallbackResult;
  try {
    result = await Taro.downloadFile({ url, header: token ? { Authorization: `Bearer ${token}` } : {} });
  } catch {
    throw networkError();
  }
  if (result.statusCode !== 200) throw errorFromResponse(result.statusCode, null);
  await Taro.openDocument({ filePath: result.tempFilePath, fileType: 'xlsx', showMenu: true });
}

/** RFC 6266: the UTF-8 filename* when present, else the plain one. */
export function fileNameOf(disposition: string | null): string | null {
  if (!disposition) return null;
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (star) {
    try {
      return decodeURIComponent(star[1]!);
    } catch {
      // fall through to the plain name
    }
  }
  return /filename="([^"]+)"/i.exec(disposition)?.[1] ?? null;
}
